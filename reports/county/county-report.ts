// The county's whole report from the units' files: what `twelve county` runs and what a
// server's upload page would call with the uploaded files saved to a folder.
import { ClerkError } from '../../core/clerk-error.js';
import path from 'node:path';
import { quarterLabel } from '../../core/index.js';
import type { CardSession } from '../cards/session.js';
import { renderCounty } from '../cards/county-card.js';
import { writeFileAtomic } from '../cards/files.js';
import { consolidateFiles, type CountyRun } from './consolidate-files.js';
import { countyFileName, countyXlsx } from './county-xlsx.js';

export interface CountyReportOptions {
  quarter: string;
  expected: string[] | null;
  /** The consolidating organisation (red head, seal, titles). */
  organisation: string;
  templatesDir?: string | null;
  outDir: string;
  onProgress?: (done: number, total: number) => void;
  /** An open card session (a shared browser); default: one of its own. */
  session?: CardSession;
}

export interface CountyReport {
  run: CountyRun;
  skipped: number;
  xlsxFile: string;
  pdfFile: string;
}

/** Reads, checks and consolidates, then writes the county workbook and its PDF card. */
export async function countyReport(
  paths: readonly string[],
  options: CountyReportOptions,
): Promise<CountyReport> {
  const run = await consolidateFiles(paths, {
    quarter: options.quarter,
    expected: options.expected,
    onProgress: options.onProgress,
  });
  const { consolidation } = run;
  const skipped = run.lines.filter((l) => l.label === '跳过').length;
  const title = `${options.organisation} ${quarterLabel(consolidation.quarter)}机关党员“十二分制”记分情况汇总`;
  const xlsxFile = path.join(options.outDir, countyFileName(consolidation.quarter, 'xlsx'));
  write(xlsxFile, await countyXlsx(consolidation, run.lines, title));
  const pdf = await renderCounty(consolidation, {
    organisation: options.organisation,
    skipped,
    templatesDir: options.templatesDir ?? null,
    session: options.session,
  });
  const pdfFile = path.join(options.outDir, countyFileName(consolidation.quarter, 'pdf'));
  write(pdfFile, pdf);
  return { run, skipped, xlsxFile, pdfFile };
}

/** Why a file could not be written, for a clerk: the folder is theirs to fix. */
export class OutputError extends ClerkError {
  constructor(message: string) {
    super(message, 'file');
  }
}

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
    throw new OutputError(`无法写入"${file}"（${why}），请换一个输出文件夹`);
  }
}
