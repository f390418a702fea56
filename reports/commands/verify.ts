// `twelve verify 台账.xlsx --against <报送邮件或汇总表或文件夹>`: the workbook against what the
// unit reported upward (core/seal.ts). Exit 0: everything reported stands (corrections made the
// legitimate way included); 1: an entry was changed, deleted or added (补录); 2: bad input.
import {
  noSealReportText,
  parseWorkbook,
  sealBroken,
  sealPlace,
  verificationLines,
  verificationSummary,
  verifySeal,
  type SealVerification,
  type VerifiedChange,
} from '../../core/index.js';
import { parseCommandArgs, UsageError, workbookArg, type Io } from '../command.js';
import { readWorkbook } from '../read-workbook.js';
import { runToday } from '../today.js';
import { verify as declared } from '../usage/verify.js';
import { readSealReports } from '../seal/read-reports.js';
import { nodeSha256 } from '../sha256.js';

export async function runVerify(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, declared.options);
  const against = values.against;
  if (against === undefined)
    throw new UsageError(
      '请用 --against 指定向上报送的邮件（.eml）、汇总表（.xlsx）或存放它们的文件夹',
    );
  const file = workbookArg(positionals, io);
  const parsed = parseWorkbook(await readWorkbook(file), { today: runToday() });
  const unit = parsed.settings.unitName;
  const { reports, skipped } = await readSealReports([against], unit || null);
  for (const line of skipped) io.err.write(line + '\n');
  if (reports.length === 0) throw new UsageError(`--against ${noSealReportText(unit)}`);
  const verification = verifySeal(unit, parsed.entries, reports, nodeSha256);
  if (values.json) io.out.write(JSON.stringify(verifyJson(verification), null, 2) + '\n');
  else {
    for (const line of verificationLines(verification)) io.out.write(line + '\n');
    io.out.write(verificationSummary(verification) + '\n');
  }
  return sealBroken(verification) ? 1 : 0;
}

function verifyJson(v: SealVerification) {
  const item = (c: VerifiedChange) => {
    const row = (c.current ?? c.reported)!;
    const place = sealPlace(row.key);
    return {
      report: c.report,
      sheet: place.sheet,
      row: place.row,
      memberId: row.memberId || null,
      name: row.name,
      date: row.date,
      what: c.what,
      reportedCode: c.reported?.code ?? null,
      currentCode: c.current?.code ?? null,
      message: c.line,
    };
  };
  return {
    reports: v.reports.map((r) => ({
      source: r.source,
      quarter: r.quarter,
      generated: r.generated,
    })),
    unchanged: v.unchanged,
    changed: v.changed.map(item),
    deleted: v.deleted.map(item),
    added: v.added.map(item),
    corrected: v.corrected.map(item),
  };
}
