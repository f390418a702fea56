// The county's 记分情况汇总表 as a PDF, in the same official style as the units' cards.
import { countyView, type Consolidation, type IsoDate } from '../../core/index.js';
import { openCardSession, type CardSession, type SessionOptions } from './session.js';
import { runToday } from '../today.js';

export interface CountyCardOptions extends SessionOptions {
  /** The consolidating organisation, for the red head and the seal line. */
  organisation: string;
  issued?: IsoDate;
  /** Reports read but not counted. */
  skipped: number;
  /** An open session (a server's shared browser); else one is opened and closed. */
  session?: CardSession;
}

export async function renderCounty(
  consolidation: Consolidation,
  options: CountyCardOptions,
): Promise<Buffer> {
  const view = countyView(consolidation, {
    organisation: options.organisation,
    issued: options.issued ?? runToday(),
    skipped: options.skipped,
  });
  const session = options.session ?? (await openCardSession(options));
  try {
    const html = session.templates.document([session.templates.card('county', view)], view.title);
    return await session.renderer.render(html, { pageNumbers: true });
  } finally {
    if (!options.session) await session.close();
  }
}
