// The county's 记分情况汇总表 as a PDF, in the same official style as the units' cards.
import { countyView, todayIso, type Consolidation, type IsoDate } from '../../core/index.js';
import { openCardSession, type SessionOptions } from './session.js';

export interface CountyCardOptions extends SessionOptions {
  /** The consolidating organisation, for the red head and the seal line. */
  organisation: string;
  issued?: IsoDate;
  /** Reports read but not counted. */
  skipped: number;
}

export async function renderCounty(
  consolidation: Consolidation,
  options: CountyCardOptions,
): Promise<Buffer> {
  const view = countyView(consolidation, {
    organisation: options.organisation,
    issued: options.issued ?? todayIso(),
    skipped: options.skipped,
  });
  const session = await openCardSession(options);
  try {
    const html = session.templates.document([session.templates.card('county', view)]);
    return await session.renderer.render(html, { pageNumbers: true });
  } finally {
    await session.close();
  }
}
