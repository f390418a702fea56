// `twelve notices`: a 《记分告知卡》 for every counted entry in a period, one PDF per card plus
// one merged PDF to print; with --mail, each card to the member it is for.
import path from 'node:path';
import { parseWorkbook } from '../../core/index.js';
import { outDirArg, parseCommandArgs, UsageError, workbookArg, type Io } from '../command.js';
import { noticeFileName } from '../cards/files.js';
import { progressBar } from '../cards/progress.js';
import { mailSettings } from '../mail/mail-run.js';
import { runNoticeMail } from '../mail/notice-mailing.js';
import { privateBrowser } from '../print/browsers.js';
import { noticeOptions, printNotices } from '../print/notices.js';
import { readWorkbook } from '../read-workbook.js';
import { runToday } from '../today.js';
import { notices as declared } from '../usage/notices.js';
import { LEFT_OUT, reportProblems } from './card-output.js';

export async function runNotices(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, declared.options);
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
  const parsed = parseWorkbook(await readWorkbook(file), { today: runToday() });

  let bar: ReturnType<typeof progressBar> | null = null;
  const printed = await printNotices(parsed, options, {
    outDir,
    openSession: privateBrowser,
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
  const status = reportProblems(result.problems, LEFT_OUT.notices, io);
  return mailed !== 0 ? mailed : status;
}
