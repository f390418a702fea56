// Card-making problems a clerk can fix (no browser, a missing font, a broken template) become
// one Chinese line and exit 2, like any other usage error; anything else is a real bug.
import { UsageError } from '../command.js';
import { BrowserLaunchError, BrowserNotFoundError } from './browser.js';
import { MissingFontError } from './fonts.js';
import { TemplateError } from '../../render/card-html.js';

export async function asUsageErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (
      error instanceof BrowserNotFoundError ||
      error instanceof BrowserLaunchError ||
      error instanceof MissingFontError ||
      error instanceof TemplateError
    )
      throw new UsageError(error.message);
    throw error;
  }
}
