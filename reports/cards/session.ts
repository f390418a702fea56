// One browser and one template set for a whole run, and the card kinds rendered with them.
import {
  monthlyRanking,
  parseMonth,
  quarterlyView,
  rankingView,
  type IsoDate,
  type ParsedWorkbook,
  type QuarterlyVersion,
  type QuarterSummary,
  type Settings,
} from '../../core/index.js';
import { launchBrowser } from './browser.js';
import { checkFonts } from './fonts.js';
import type { CardTemplates } from '../../render/card-html.js';
import { PdfRenderer } from './renderer.js';
import { loadTemplates } from './template-folder.js';
import { runToday } from '../today.js';

export interface CardSession {
  templates: CardTemplates;
  renderer: PdfRenderer;
  close(): Promise<void>;
}

export interface SessionOptions {
  /** Templates already loaded (and checked against the data) by the caller. */
  templates?: CardTemplates;
  /** A unit's own template folder, laid over templates/. */
  templatesDir?: string | null;
  /** A browser executable; default: found on this machine (see browser.ts). */
  browserPath?: string;
}

/** Checks templates and fonts before starting the browser, so a mistake costs no time. */
export async function openCardSession(options: SessionOptions = {}): Promise<CardSession> {
  const templates = options.templates ?? loadTemplates(options.templatesDir ?? null);
  checkFonts();
  const launched = await launchBrowser(options.browserPath);
  try {
    const renderer = await PdfRenderer.open(launched.browser);
    return {
      templates,
      renderer,
      async close() {
        await renderer.close();
        await launched.close();
      },
    };
  } catch (error) {
    await launched.close();
    throw error;
  }
}

export interface QuarterlyOptions extends SessionOptions {
  version: QuarterlyVersion;
  /** The date printed as issued; default today. */
  issued?: IsoDate;
  /** Reuse an open session (several cards in one run); else one is opened and closed. */
  session?: CardSession;
}

/**
 * The 《记分汇总公示卡》 of a quarter as a PDF, from its summary (`quarterlySummary`): callers that
 * print both versions, or mail one, score the quarter once. The mail sends the 'upward' version
 * to the higher-level organisation; the 'internal' one is for publicity.
 */
export async function renderQuarterly(
  summary: QuarterSummary,
  settings: Settings,
  options: QuarterlyOptions,
): Promise<Buffer> {
  const view = quarterlyView(summary, settings, options.version, options.issued ?? runToday());
  return withSession(options, (s) =>
    s.renderer.render(s.templates.document([s.templates.card('quarterly', view)], view.title), {
      pageNumbers: true,
    }),
  );
}

export interface RankingOptions extends SessionOptions {
  session?: CardSession;
  /** The day the list is printed: talks recorded done by then are marked (default: the 25th). */
  printed?: IsoDate;
}

/** The monthly 榜单 ('2026-11') as of the ranking day, with the talks due, as a PDF. */
export async function renderRanking(
  parsed: ParsedWorkbook,
  month: string,
  options: RankingOptions = {},
): Promise<Buffer> {
  const ym = parseMonth(month);
  if (!ym) throw new RangeError(`月份"${month}"的格式不对，应如 2026-11`);
  const view = rankingView(
    monthlyRanking(parsed, ym.year, ym.month, options.printed),
    parsed.settings,
  );
  return withSession(options, (s) =>
    s.renderer.render(s.templates.document([s.templates.card('ranking', view)], view.title), {
      pageNumbers: true,
    }),
  );
}

async function withSession<T>(
  options: SessionOptions & { session?: CardSession },
  run: (session: CardSession) => Promise<T>,
): Promise<T> {
  if (options.session) return run(options.session);
  const session = await openCardSession(options);
  try {
    return await run(session);
  } finally {
    await session.close();
  }
}
