// `twelve county`: a county (or city) 组织部 consolidates the quarterly reports its units mailed
// up (.eml, .mbox or the .xlsx itself) into one workbook and one printed summary.
import path from 'node:path';
import { quarterRange, sealTrouble, unitList } from '../../core/index.js';
import { outDirArg, parseCommandArgs, UsageError, type Io } from '../command.js';
import { county as declared } from '../usage/county.js';
import { readWorkbook, WorkbookFileError } from '../read-workbook.js';
import { progressBar, type Progress } from '../cards/progress.js';
import { lineText } from '../county/consolidate-files.js';
import { countyReport, OutputError } from '../county/county-report.js';

const DEFAULT_ORGANISATION = '组织部';

export async function runCounty(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, declared.options);
  if (positionals.length === 0)
    throw new UsageError('请指定各单位报送的邮件（.eml、.mbox）、汇总表（.xlsx）或所在文件夹');
  if (values.quarter === undefined) throw new UsageError('请用 --quarter 指定季度，如 2026Q3');
  const range = quarterRange(values.quarter);
  if (!range) throw new UsageError(`--quarter 的值"${values.quarter}"无效，应如 2026Q3`);
  const expected = values.units === undefined ? null : await readUnitList(values.units, io);

  let bar: Progress | null = null;
  const report = await countyReport(positionals, {
    quarter: range.quarter,
    expected,
    organisation: values.name?.trim() || DEFAULT_ORGANISATION,
    templatesDir: values.templates ?? null,
    outDir: outDirArg(values.out, 'out'),
    onProgress(done, total) {
      bar ??= progressBar(io.err, total, '读取报送文件', '个');
      bar.update(done);
      if (done === total) bar.stop();
    },
  }).catch((error: unknown) => {
    if (error instanceof OutputError) throw new UsageError(`${error.message}（--out）`);
    throw error;
  });

  const { run, skipped } = report;
  const { consolidation } = run;
  for (const line of run.lines) io.out.write(lineText(line) + '\n');
  if (run.files === 0)
    io.out.write(
      `[注意] 所给的文件和文件夹中没有 .eml、.mbox 或 .xlsx 文件：${positionals.join('、')}\n`,
    );
  io.out.write(
    `读取 ${run.files} 个文件，计入 ${consolidation.units.length} 个单位` +
      (consolidation.expected !== null
        ? `（名单 ${consolidation.expected} 个，未报送 ${consolidation.missing.length} 个）`
        : '') +
      `，跳过 ${skipped} 份\n`,
  );
  if (consolidation.missing.length > 0)
    io.out.write(`未报送：${consolidation.missing.join('、')}\n`);
  const altered = sealTrouble(consolidation);
  if (altered.length > 0)
    io.out.write(
      `此前报送的记录有改动（见上方 [核验] 各行和汇总表“核验异常”）：${altered.map((u) => u.unit).join('、')}\n`,
    );
  io.out.write(`汇总表：${report.xlsxFile}\n汇总卡：${report.pdfFile}\n`);
  const trouble =
    run.files === 0 || skipped > 0 || consolidation.missing.length > 0 || altered.length > 0;
  return trouble ? 1 : 0;
}

async function readUnitList(file: string, io: Io): Promise<string[]> {
  const sheets = await readWorkbook(file).catch((error: unknown) => {
    if (error instanceof WorkbookFileError)
      throw new UsageError(`--units 单位名单：${error.message}`);
    throw error;
  });
  const list = unitList(sheets);
  if ('error' in list)
    throw new UsageError(`--units 单位名单"${path.basename(file)}"：${list.error}`);
  for (const note of list.notes) io.out.write(`[注意] ${path.basename(file)}：${note}\n`);
  return list.units;
}
