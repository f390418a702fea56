// `twelve notices`: a 《记分告知卡》 for every counted entry in a period, one PDF per card plus
// one merged PDF to print.
import path from 'node:path';
import {
  noticeCards,
  parseWorkbook,
  score,
  todayIso,
  type IsoDate,
  type ScoreResult,
} from '../../core/index.js';
import {
  dateArg,
  outDirArg,
  parseCommandArgs,
  UsageError,
  workbookArg,
  type Io,
} from '../command.js';
import { asUsageErrors } from '../cards/errors.js';
import { renderNotices, type RenderedNotice } from '../cards/notice-batch.js';
import { noticeFileName } from '../cards/files.js';
import { runNoticeMail } from '../mail/notice-mailing.js';
import { mailSettings } from '../mail/mail-run.js';
import { progressBar } from '../cards/progress.js';
import { loadTemplates } from '../cards/template-folder.js';
import { mergedNoticeName, writeNotices } from '../cards/write-notices.js';
import { reportProblems } from './card-output.js';
import {
  cliOption,
  sessionOpener,
  sheetsOf,
  type OptionLabel,
  type WorkbookSource,
  type WorkContext,
} from './work.js';
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
  const asOf = raw.asOf === undefined ? todayIso() : dateArg(label('as-of'), raw.asOf);
  const since = raw.since === undefined ? null : dateArg(label('since'), raw.since);
  const until = raw.until === undefined ? asOf : dateArg(label('until'), raw.until);
  if (since !== null && since > until)
    throw new UsageError(`${label('since')} ${since} 晚于 ${label('until')} ${until}`);
  return { asOf, since, until, templatesDir: raw.templates ?? null };
}

/** Scores the workbook and prints the period's notice cards into `context.outDir`. */
export async function printNotices(
  source: WorkbookSource,
  options: NoticeOptions,
  context: WorkContext,
): Promise<PrintedNotices> {
  const { asOf, since, until } = options;
  const result = score(parseWorkbook(await sheetsOf(source), { today: runToday() }), asOf);
  const cards = noticeCards(result, { since, until });
  const period = `${since ?? '台账起始'}至${until}`;
  const printed: PrintedNotices = { result, period, rendered: [], files: [], merged: null };
  if (cards.length === 0) return printed;
  await asUsageErrors(async () => {
    // Every card through the template first: a missing field stops the run before the
    // browser starts.
    const templates = loadTemplates(options.templatesDir);
    for (const card of cards) templates.card('notice', card.view);
    const session = await sessionOpener(context)(templates);
    context.onProgress?.(0, cards.length);
    try {
      const batch = await renderNotices(cards, session.templates, session.renderer, {
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
  });
  return printed;
}

export async function runNotices(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    since: { type: 'string' },
    until: { type: 'string' },
    'as-of': { type: 'string' },
    out: { type: 'string' },
    templates: { type: 'string' },
    mail: { type: 'boolean' },
    outbox: { type: 'string' },
    send: { type: 'boolean' },
    resend: { type: 'boolean' },
    'smtp-config': { type: 'string' },
  });
  if (!values.mail && (values.send || values.resend || values.outbox || values['smtp-config']))
    throw new UsageError('--outbox、--send、--resend、--smtp-config 须与 --mail 一起使用');
  const options = noticeOptions({ ...values, asOf: values['as-of'] });
  const outDir = outDirArg(values.out, 'out');
  if (values.mail) {
    outDirArg(values.outbox, 'outbox', '--outbox');
    // A settings mistake is told now, not after every card has been made.
    mailSettings({ ...values, out: values.outbox });
  }
  const file = workbookArg(positionals, io);

  let bar: ReturnType<typeof progressBar> | null = null;
  const printed = await printNotices(file, options, {
    outDir,
    onProgress: (done, total) => {
      bar ??= progressBar(io.err, total, '生成告知卡');
      bar.update(done);
    },
  }).finally(() => bar?.stop());
  const { result, period, files, merged } = printed;
  if (files.length === 0) {
    io.out.write(`${period}没有已计分的记录，未生成告知卡。\n`);
  } else {
    io.out.write(
      `已生成 ${files.length} 张记分告知卡（${period}，计算日期 ${options.asOf}）\n` +
        `单张：${path.dirname(files[0])}\n` +
        `合并打印：${merged}\n`,
    );
  }
  const mailed = values.mail
    ? await runNoticeMail(
        printed.rendered.map((r) => ({ ...r, filename: noticeFileName(r.card) })),
        result.entries,
        { ...values, out: values.outbox },
        io,
      )
    : 0;
  const status = reportProblems(result.problems, io);
  return mailed !== 0 ? mailed : status;
}
