// `npm run demo`: the README's first command. Runs the main jobs on the bundled sample workbook.
// The sample has a few deliberate typing mistakes, so `score` exiting 1 is the expected outcome.
import { main } from '../reports/cli.js';

const steps: { title: string; args: string[]; ok: number[] }[] = [
  { title: '检查并评分（示例台账含几处故意填错的行）', args: ['score'], ok: [0, 1] },
];

let failed = false;
for (const step of steps) {
  console.log(`\n>>> twelve ${step.args.join(' ')}    # ${step.title}`);
  const code = await main(step.args);
  if (!step.ok.includes(code)) failed = true;
}
process.exitCode = failed ? 1 : 0;
