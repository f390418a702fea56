// Excel on the web refuses a request or a response over 5 MB (RichApi.Error
// RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded), and on every platform a
// range read at once is limited to five million cells. The add-in keeps every batch under a
// budget with room for the batch's own envelope.
export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;
export const PAYLOAD_BUDGET = 4 * 1024 * 1024;
export const CELL_LIMIT = 5_000_000;

/**
 * Bytes a value takes as JSON in UTF-8, as it travels in a batch. Counted from the UTF-16
 * code units rather than with TextEncoder, which IE11 and EdgeHTML 18 do not have.
 */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? '');
}

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair is one code point of four bytes.
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function isPayloadError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}
