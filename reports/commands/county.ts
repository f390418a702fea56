// `twelve county`: a county (or city) 组织部 consolidates the quarterly reports its units mailed
// up (.eml, .mbox or the .xlsx itself) into one workbook and one printed summary.
import path from 'node:path';
import { quarterLabel, quarterRange, unitList } from '../../core/index.js';
import { parseCommandArgs, UsageError, type Io } from '../command.js';
import { readWorkbook, WorkbookFileError } from '../read-workbook.js';
import { asUsageErrors } from '../cards/errors.js';
import { writeFileAtomic } from '../cards/files.js';
import { renderCounty } from '../cards/county-card.js';
import { progressBar } from '../cards/progress.js';
import { consolidateFiles, lineText } from '../county/consolidate-files.js';
import { countyFileName, countyXlsx } from '../county/county-xlsx.js';

export const DEFAULT_ORGANISATION = '组织部';

export async function runCounty(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    quarter: { type: 'string' },
    units: { type: 'string' },
    out: { type: 'string' },
    name: { type: 'string' },
    templates: { type: 'string' },
  });
  if (positionals.length === 0)
    throw new UsageError('请指定各单位报送的邮件（.eml、.mbox）、汇总表（.xlsx）或所在文件夹');
  if (values.quarter === undefined) throw new UsageError('请用 --quarter 指定季度，如 2026Q3');
  const range = quarterRange(values.quarter);
  if (!range) throw new UsageError(`--quarter 的值"${values.quarter}"无效，应如 2026Q3`);
  const organisation = values.name?.trim() || DEFAULT_ORGANISATION;
  const expected = values.units === undefined ? null : await readUnitList(values.units, io);

  const progress = { bar: null as ReturnType<typeof progressBar> | null };
  const run = await consolidateFiles(positionals, {
    quarter: range.quarter,
    expected,
    onProgress(done, total) {
      progress.bar ??= progressBar(io.err, total, '读取报送文件', '个');
      progress.bar.update(done);
    },
  });
  progress.bar?.stop();

  for (const line of run.lines) io.out.write(lineText(line) + '\n');
  if (run.files === 0)
    io.out.write(
      `[注意] 所给的文件和文件夹中没有 .eml、.mbox 或 .xlsx 文件：${positionals.join('、')}\n`,
    );
  const { consolidation } = run;
  const title = `${organisation} ${quarterLabel(range.quarter)}机关党员“十二分制”记分情况汇总`;
  const outDir = path.resolve(values.out ?? 'out');
  const xlsxFile = path.join(outDir, countyFileName(range.quarter, 'xlsx'));
  write(xlsxFile, await countyXlsx(consolidation, run.lines, title));
  const skipped = run.lines.filter((l) => l.label === '跳过').length;
  const pdf = await asUsageErrors(() =>
    renderCounty(consolidation, { organisation, skipped, templatesDir: values.templates ?? null }),
  );
  const pdfFile = path.join(outDir, countyFileName(range.quarter, 'pdf'));
  write(pdfFile, pdf);

  io.out.write(
    `读取 ${run.files} 个文件，计入 ${consolidation.units.length} 个单位` +
      (consolidation.expected !== null
        ? `（名单 ${consolidation.expected} 个，未报送 ${consolidation.missing.length} 个）`
        : '') +
      `，跳过 ${skipped} 份\n`,
  );
  if (consolidation.missing.length > 0)
    io.out.write(`未报送：${consolidation.missing.join('、')}\n`);
  io.out.write(`汇总表：${xlsxFile}\n汇总卡：${pdfFile}\n`);
  const trouble = run.files === 0 || skipped > 0 || consolidation.missing.length > 0;
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

/** A folder that cannot be written is the clerk's to fix: one line, not a stack trace. */
function write(file: string, data: Uint8Array): void {
  try {
    writeFileAtomic(file, data);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'EACCES' || code === 'EPERM'
        ? '没有写入权限'
        : code === 'ENOSPC'
          ? '磁盘已满'
          : code === 'ENOTDIR' || code === 'EEXIST'
            ? '路径中有同名文件'
            : '写入出错';
    throw new UsageError(`无法写入"${file}"（${why}），请用 --out 换一个文件夹`);
  }
}
