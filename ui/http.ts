// One HTTP request from the pane: fetch where the engine has it, XMLHttpRequest where it does
// not (Trident, the IE11 engine of volume-licensed Office 2016/2019 on Windows). Bodies are
// text both ways, so neither path needs TextEncoder or streams; an upload goes as FormData,
// which both send as multipart (IE10 and later).

export interface HttpResponse {
  status: number;
  /** The Content-Type header, '' when absent. */
  contentType: string;
  body: string;
}

export type HttpMethod = 'GET' | 'POST';

export type Transport = (
  method: HttpMethod,
  url: string,
  body: string | FormData | null,
  headers: Record<string, string>,
) => Promise<HttpResponse>;

/** Thrown when no answer came back at all (server stopped, network down, request aborted). */
export class NetworkError extends Error {
  constructor(url: string) {
    super(`无法连接 ${url}`);
    this.name = 'NetworkError';
  }
}

/** How long one request may take before it counts as a lost connection. */
const TIMEOUT_MS = 60_000;

export function defaultTransport(): Transport {
  return typeof fetch === 'function' ? fetchTransport : xhrTransport;
}

// Only where defaultTransport found fetch; IE11 takes xhrTransport.
export const fetchTransport: Transport = (method, url, body, headers) =>
  // eslint-disable-next-line compat/compat
  fetch(url, { method, body, headers, credentials: 'same-origin', cache: 'no-store' }).then(
    (response) =>
      response.text().then((text) => ({
        status: response.status,
        contentType: response.headers.get('content-type') || '',
        body: text,
      })),
    () => {
      throw new NetworkError(url);
    },
  );

export const xhrTransport: Transport = (method, url, body, headers) =>
  new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url, true);
    for (const name of Object.keys(headers)) xhr.setRequestHeader(name, headers[name]);
    xhr.timeout = TIMEOUT_MS;
    xhr.onload = () =>
      resolve({
        status: xhr.status,
        contentType: xhr.getResponseHeader('content-type') || '',
        body: xhr.responseText,
      });
    xhr.onerror = xhr.ontimeout = xhr.onabort = () => reject(new NetworkError(url));
    xhr.send(body);
  });
