// `twelve notices`: a 《记分告知卡》 for every counted entry in a period, one PDF per card plus
// one merged PDF to print.
import path from 'node:path';
import { noticeCards, parseIsoArg, parseWorkbook, score } from '../../core/index.js';
import { asOfArg, parseCommandArgs, UsageError, workbookArg, type Io } from '../command.js';
import { readWorkbook } from '../read-workbook.js';
import { asUsageErrors } from '../cards/errors.js';
import { renderNotices } from '../cards/notice-batch.js';
import { progressBar } from '../cards/progress.js';
import { openCardSession } from '../cards/session.js';
import { loadTemplates } from '../cards/template-folder.js';
import { mergedNoticeName, writeNotices } from '../cards/write-notices.js';
import { problemsLine } from './card-output.js';

export async function runNotices(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    since: { type: 'string' },
    until: { type: 'string' },
    'as-of': { type: 'string' },
    out: { type: 'string' },
    templates: { type: 'string' },
  });
  const file = workbookArg(positionals);
  const asOf = asOfArg(values['as-of']);
  const since = dateOption('--since', values.since);
  const until = dateOption('--until', values.until) ?? asOf;
  if (since !== null && since > until)
    throw new UsageError(`--since ${since} 晚于 --until ${until}`);
  const outDir = path.resolve(values.out ?? 'out');

  const result = score(parseWorkbook(await readWorkbook(file)), asOf);
  const cards = noticeCards(result, { since, until });
  const period = `${since ?? '台账起始'}至${until}`;
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
        const rendered = await renderNotices(cards, session.templates, session.renderer, {
          onProgress: (done) => bar.update(done),
        });
        bar.stop();
        const written = writeNotices(
          outDir,
          rendered.cards,
          rendered.merged,
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
  const problems = problemsLine(result.problems);
  if (problems) io.out.write(problems + '\n');
  return result.problems.some((p) => p.severity === 'error') ? 1 : 0;
}

function dateOption(name: string, value: string | undefined): string | null {
  if (value === undefined) return null;
  const iso = parseIsoArg(value);
  if (!iso) throw new UsageError(`${name} 的日期"${value}"无效，应如 2026-11-25`);
  return iso;
}
