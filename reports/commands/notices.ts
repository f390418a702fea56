// `twelve notices`: a 《记分告知卡》 for every counted entry in a period, one PDF per card plus
// one merged PDF to print.
import path from 'node:path';
import { noticeCards, parseWorkbook, score } from '../../core/index.js';
import {
  asOfArg,
  dateArg,
  outDirArg,
  parseCommandArgs,
  UsageError,
  workbookArg,
  type Io,
} from '../command.js';
import { readWorkbook } from '../read-workbook.js';
import { asUsageErrors } from '../cards/errors.js';
import { renderNotices, type RenderedNotice } from '../cards/notice-batch.js';
import { noticeFileName } from '../cards/files.js';
import { runNoticeMail } from '../mail/notice-mailing.js';
import { mailSettings } from '../mail/mail-run.js';
import { progressBar } from '../cards/progress.js';
import { openCardSession } from '../cards/session.js';
import { loadTemplates } from '../cards/template-folder.js';
import { mergedNoticeName, writeNotices } from '../cards/write-notices.js';
import { reportProblems } from './card-output.js';

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
  const asOf = asOfArg(values['as-of']);
  const since = values.since === undefined ? null : dateArg('--since', values.since);
  const until = values.until === undefined ? asOf : dateArg('--until', values.until);
  if (since !== null && since > until)
    throw new UsageError(`--since ${since} 晚于 --until ${until}`);
  const outDir = outDirArg(values.out, 'out');
  if (values.mail) {
    outDirArg(values.outbox, 'outbox', '--outbox');
    // A settings mistake is told now, not after every card has been made.
    mailSettings({ ...values, out: values.outbox });
  }
  const file = workbookArg(positionals, io);

  const result = score(parseWorkbook(await readWorkbook(file)), asOf);
  const cards = noticeCards(result, { since, until });
  const period = `${since ?? '台账起始'}至${until}`;
  let rendered: RenderedNotice[] = [];
  if (cards.length === 0) {
    io.out.write(`${period}没有已计分的记录，未生成告知卡。\n`);
  } else {
    await asUsageErrors(async () => {
      // Every card through the template first: a missing field stops the run before the
      // browser starts.
      const templates = loadTemplates(values.templates ?? null);
      for (const card of cards) templates.card('notice', card.view);
      const session = await openCardSession({ templates });
      const bar = progressBar(io.err, cards.length, '生成告知卡');
      try {
        const batch = await renderNotices(cards, session.templates, session.renderer, {
          onProgress: (done) => bar.update(done),
        });
        bar.stop();
        rendered = batch.cards;
        const written = writeNotices(
          outDir,
          batch.cards,
          batch.merged,
          mergedNoticeName(since, until),
        );
        io.out.write(
          `已生成 ${cards.length} 张记分告知卡（${period}，计算日期 ${asOf}）\n` +
            `单张：${path.dirname(written.files[0])}\n` +
            `合并打印：${written.merged}\n`,
        );
      } finally {
        bar.stop();
        await session.close();
      }
    });
  }
  const mailed = values.mail
    ? await runNoticeMail(
        rendered.map((r) => ({ ...r, filename: noticeFileName(r.card) })),
        result.entries,
        { ...values, out: values.outbox },
        io,
      )
    : 0;
  const status = reportProblems(result.problems, io);
  return mailed !== 0 ? mailed : status;
}
