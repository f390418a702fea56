// The day of the run, as every command and the server see it: the core has no clock. A date
// after it in the workbook is an error on its row (domain.md). TWELVE_TODAY sets it, so that a
// run can be reproduced as on a given day (and tests do not depend on the clock).
import { parseIsoArg, todayIso, type IsoDate } from '../core/index.js';
import { UsageError } from './args.js';

export function runToday(env: NodeJS.ProcessEnv = process.env): IsoDate {
  const typed = env.TWELVE_TODAY;
  if (typed === undefined || typed === '') return todayIso();
  const iso = parseIsoArg(typed);
  if (!iso) throw new UsageError(`环境变量 TWELVE_TODAY 的日期"${typed}"无效，应如 2026-11-24`);
  return iso;
}
