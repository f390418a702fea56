// `npm run demo`: the README's first command. Runs the main jobs on the bundled sample workbook.
// The sample has a few deliberate typing mistakes, so `score` exiting 1 is the expected outcome.
import { main } from '../reports/cli.js';

const steps: { title: string; args: string[]; ok: number[] }[] = [
  {
    title: '检查并评分（示例台账含几处故意填错的行）',
    args: ['score', '--as-of', '2026-11-24'],
    ok: [0, 1],
  },
  {
    title: '打印全部记分告知卡（每卡一个 PDF，另有合并打印版）',
    args: ['notices', '--as-of', '2026-11-24', '--out', 'out/示例'],
    ok: [0, 1],
  },
  {
    title: '打印第三季度记分汇总公示卡（内部公示版、报上级版）',
    args: ['quarterly', '--quarter', '2026Q3', '--out', 'out/示例'],
    ok: [0, 1],
  },
  {
    title: '打印 11 月积分榜单和应约谈名单',
    args: ['ranking', '--month', '2026-11', '--out', 'out/示例'],
    ok: [0, 1],
  },
  {
    title: '季度汇总公示卡报上级：写出 .eml 到 out/示例/outbox（不发送）',
    args: ['mail', '--quarter', '2026Q3', '--out', 'out/示例/outbox'],
    ok: [0, 1],
  },
  {
    title: '上级组织部汇总各单位报送：读 out/示例/outbox 的邮件，写出县级汇总表和汇总卡',
    args: ['county', 'out/示例/outbox', '--quarter', '2026Q3', '--out', 'out/示例/县级汇总'],
    ok: [0, 1],
  },
];

let failed = false;
for (const step of steps) {
  console.log(`\n>>> twelve ${step.args.join(' ')}    # ${step.title}`);
  const code = await main(step.args);
  if (!step.ok.includes(code)) failed = true;
}
process.exitCode = failed ? 1 : 0;
