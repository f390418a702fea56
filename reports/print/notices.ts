// A 《记分告知卡》 for every counted entry in a period, one PDF per card plus one merged PDF to
// print: `twelve notices` and the server's notices job.
import {
  noticeCards,
  score,
  type IsoDate,
  type ParsedWorkbook,
  type ScoreResult,
} from '../../core/index.js';
import { UsageError } from '../args.js';
import { dateArg } from '../command.js';
import { renderNotices, type RenderedNotice } from '../cards/notice-batch.js';
import { loadTemplates } from '../cards/template-folder.js';
import { mergedNoticeName, writeNotices } from '../cards/write-notices.js';
import { cliOption, type OptionLabel, type WorkContext } from './work.js';
import { runToday } from '../today.js';

export interface NoticeOptions {
  asOf: IsoDate;
  since: IsoDate | null;
  until: IsoDate;
  templatesDir: string | null;
}

export interface PrintedNotices {
  result: ScoreResult;
  /** 2026-08-01至2026-11-24, as the clerk reads it. */
  period: string;
  rendered: RenderedNotice[];
  /** One file per card, in card order. */
  files: string[];
  /** The merged file to print; null when there were no cards. */
  merged: string | null;
}

/** The options as typed (`--as-of` or `asOf`), checked; throws UsageError naming the option. */
export function noticeOptions(
  raw: { asOf?: string; since?: string; until?: string; templates?: string },
  label: OptionLabel = cliOption,
): NoticeOptions {
  const asOf = raw.asOf === undefined ? runToday() : dateArg(label('as-of'), raw.asOf);
  const since = raw.since === undefined ? null : dateArg(label('since'), raw.since);
  const until = raw.until === undefined ? asOf : dateArg(label('until'), raw.until);
  if (since !== null && since > until)
    throw new UsageError(`${label('since')} ${since} 晚于 ${label('until')} ${until}`);
  return { asOf, since, until, templatesDir: raw.templates ?? null };
}

/** Scores the workbook and prints the period's notice cards into `context.outDir`. */
export async function printNotices(
  parsed: ParsedWorkbook,
  options: NoticeOptions,
  context: WorkContext,
): Promise<PrintedNotices> {
  const { asOf, since, until } = options;
  const result = score(parsed, asOf);
  const cards = noticeCards(result, { since, until });
  const period = `${since ?? '台账起始'}至${until}`;
  const printed: PrintedNotices = { result, period, rendered: [], files: [], merged: null };
  if (cards.length === 0) return printed;
  // Every card through the template first: a missing field stops the run before the
  // browser starts.
  const templates = loadTemplates(options.templatesDir);
  const fragments = cards.map((card) => templates.card('notice', card.view));
  const session = await context.openSession(templates);
  context.onProgress?.(0, cards.length);
  try {
    const batch = await renderNotices(cards, session.templates, session.renderer, {
      fragments,
      onProgress: (done) => context.onProgress?.(done, cards.length),
    });
    printed.rendered = batch.cards;
    const written = writeNotices(
      context.outDir,
      batch.cards,
      batch.merged,
      mergedNoticeName(since, until),
    );
    printed.files = written.files;
    printed.merged = written.merged;
  } finally {
    await session.close();
  }
  return printed;
}
