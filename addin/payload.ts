// Excel on the web refuses a request or a response over 5 MB (RichApi.Error
// RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded). The add-in keeps every
// batch under a budget with room for the batch's own envelope.
export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;
export const PAYLOAD_BUDGET = 4 * 1024 * 1024;

const encoder = new TextEncoder();

/** Bytes a value takes as JSON in UTF-8, as it travels in a batch. */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

export function isPayloadError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}
