// `twelve county` and the server's upload page share this: the given files and folders in,
// the county's consolidation and one Chinese line per problem out.
import path from 'node:path';
import { consolidate, type Candidate, type Consolidation } from '../../core/index.js';
import { listInputs, piecesOf } from './inputs.js';
import { readSummaryXlsx } from './read-summary.js';

export interface CountyOptions {
  quarter: string;
  /** The units expected to report (--units); null: no list. */
  expected: string[] | null;
  /** Called after each input file, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
  /** Sources are printed relative to this folder; default the working folder. */
  base?: string;
}

/** A line for the clerk: what happened to one input. */
export interface CountyLine {
  source: string;
  /** 跳过: not counted; 更正: replaced by a newer report; 重复: same report again; 注意: counted, but check. */
  label: '跳过' | '更正' | '重复' | '注意' | '核对' | '核验';
  message: string;
}

export interface CountyRun {
  consolidation: Consolidation;
  lines: CountyLine[];
  /** Input files read (an mbox counts once). */
  files: number;
  /** Summary workbooks found and trusted. */
  read: number;
}

export async function consolidateFiles(
  paths: readonly string[],
  options: CountyOptions,
): Promise<CountyRun> {
  const base = options.base ?? process.cwd();
  const name = (source: string) => {
    const relative = path.relative(base, source);
    return relative && !relative.startsWith('..') ? relative : source;
  };
  const { files, problems } = await listInputs(paths);
  const lines: CountyLine[] = problems.map((p) => ({
    source: name(p.source),
    label: '跳过',
    message: p.problem,
  }));
  const candidates: Candidate[] = [];
  for (const [i, file] of files.entries()) {
    for await (const piece of piecesOf(file)) {
      const source = name(piece.source);
      if ('problem' in piece) {
        lines.push({ source, label: '跳过', message: piece.problem });
        continue;
      }
      const read = await readSummaryXlsx(piece.xlsx);
      if (read.ok) candidates.push({ source, submission: read.submission });
      else lines.push({ source, label: '跳过', message: read.message });
    }
    options.onProgress?.(i + 1, files.length);
  }
  const consolidation = consolidate(candidates, options.quarter, options.expected);
  const labels = {
    skipped: '跳过',
    replaced: '更正',
    repeated: '重复',
    'same-time': '注意',
    unlisted: '注意',
    earlier: '核对',
    seal: '核验',
  } as const;
  for (const note of consolidation.notes)
    lines.push({ source: note.source, label: labels[note.kind], message: note.message });
  return { consolidation, lines, files: files.length, read: candidates.length };
}

export function lineText(line: CountyLine): string {
  return `[${line.label}] ${line.source}：${line.message}`;
}
