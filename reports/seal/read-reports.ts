// The upward reports a clerk (or the county) holds, as the seal compares them: the same inputs
// as `twelve county` (.eml, .mbox, .xlsx, folders of them), each read and trusted by the same
// reader; what cannot be used is one Chinese line, never silence.
import path from 'node:path';
import { normalize, type SealReport, type Submission } from '../../core/index.js';
import { listInputs, piecesOf } from '../county/inputs.js';
import { readSummaryXlsx } from '../county/read-summary.js';

export interface ReadReports {
  reports: (SealReport & { submission: Submission })[];
  /** One line per input not used: `[跳过] 文件：原因`. */
  skipped: string[];
}

/**
 * Reads every report under `paths`; with `unit`, keeps those of that unit only (another unit's
 * codes could never match). Sources are named relative to `base`.
 */
export async function readSealReports(
  paths: readonly string[],
  unit: string | null,
  base = process.cwd(),
): Promise<ReadReports> {
  const name = (source: string) => {
    const relative = path.relative(base, source);
    return relative && !relative.startsWith('..') ? relative : source;
  };
  const { files, problems } = await listInputs(paths);
  const skipped = problems.map((p) => `[跳过] ${name(p.source)}：${p.problem}`);
  const reports: ReadReports['reports'] = [];
  for (const file of files)
    for await (const piece of piecesOf(file)) {
      const source = name(piece.source);
      if ('problem' in piece) {
        skipped.push(`[跳过] ${source}：${piece.problem}`);
        continue;
      }
      const read = await readSummaryXlsx(piece.xlsx);
      if (!read.ok) skipped.push(`[跳过] ${source}：${read.message}`);
      else if (!read.submission.seal)
        skipped.push(
          `[跳过] ${source}：是格式版本 1 的汇总表，没有校验码，无法核对（本工具新版本报送的汇总表才有）`,
        );
      else if (unit !== null && normalize(read.submission.unit) !== normalize(unit))
        skipped.push(
          `[跳过] ${source}：是"${read.submission.unit}"的报送，不是本台账单位"${unit}"的，未核对`,
        );
      else
        reports.push({
          source,
          unit: read.submission.unit,
          quarter: read.submission.quarter,
          end: read.submission.end,
          generated: read.submission.generated,
          rows: read.submission.seal.rows,
          submission: read.submission,
        });
    }
  return { reports, skipped };
}
