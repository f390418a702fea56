// Every JSON request body, read without ever holding the main thread for long: a small one is
// parsed at once; a large one is copied, chunk by chunk as it arrives, into blocks that the
// read worker takes over whole (transferred, not copied), and parsed there (bounded-read.ts).
// Fastify's own parser joins the chunks into one buffer when the last arrives: measured here,
// 16 MB took 230-470 ms of the event loop (fresh memory is slow to touch on this machine, about
// 3 ms a megabyte), and a copy to the worker as much again.
import type { IncomingMessage } from 'node:http';
import { errorCodes, type FastifyRequest } from 'fastify';
import { BAD_JSON, EMPTY_JSON, RequestError } from './request-input.js';

/** A JSON body too large to parse on the main thread, as the blocks it arrived in. */
export class JsonBytes {
  constructor(
    readonly blocks: ArrayBuffer[],
    readonly length: number,
  ) {}
}

/** Parsed where it arrives: JSON.parse takes well under a millisecond for this much. */
export const SMALL_JSON_BYTES = 64 * 1024;

/** Each block is touched a chunk at a time, so no one copy is long. */
const BLOCK_BYTES = 1024 * 1024;

/**
 * A content-type parser for application/json under `limit` bytes: the body as parsed JSON when
 * small, as JsonBytes when large. Over the limit it is refused as Fastify refuses it (413).
 */
export function jsonBodyParser(limit: number) {
  return (
    request: FastifyRequest,
    payload: IncomingMessage,
    done: (error: Error | null, body?: unknown) => void,
  ): void => {
    const declared = Number(request.headers['content-length']);
    if (declared > limit) return done(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
    const blocks: ArrayBuffer[] = [];
    let used = BLOCK_BYTES; // in the last block
    let length = 0;
    const stop = () => {
      payload.removeListener('data', onData);
      payload.removeListener('end', onEnd);
      payload.removeListener('error', onError);
    };
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      if (length > limit) {
        stop();
        return done(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
      }
      let from = 0;
      while (from < chunk.length) {
        if (used === BLOCK_BYTES) {
          blocks.push(new ArrayBuffer(BLOCK_BYTES));
          used = 0;
        }
        const n = Math.min(chunk.length - from, BLOCK_BYTES - used);
        new Uint8Array(blocks[blocks.length - 1], used, n).set(chunk.subarray(from, from + n));
        used += n;
        from += n;
      }
    };
    const onEnd = () => {
      stop();
      if (!Number.isNaN(declared) && declared !== length)
        return done(new errorCodes.FST_ERR_CTP_INVALID_CONTENT_LENGTH());
      if (length > SMALL_JSON_BYTES) return done(null, new JsonBytes(blocks, length));
      try {
        done(null, parseJson(blocks, length));
      } catch (error) {
        done(error as Error);
      }
    };
    const onError = (error: Error) => {
      stop();
      done(error);
    };
    payload.on('data', onData);
    payload.on('end', onEnd);
    payload.on('error', onError);
    payload.resume();
  };
}

/** The blocks' text, parsed: a RequestError in Chinese for an empty or broken body. */
export function parseJson(blocks: readonly ArrayBuffer[], length: number): unknown {
  if (length === 0) throw new RequestError(400, EMPTY_JSON);
  const decoder = new TextDecoder();
  let text = '';
  let left = length;
  for (const block of blocks) {
    const n = Math.min(left, block.byteLength);
    text += decoder.decode(new Uint8Array(block, 0, n), { stream: true });
    left -= n;
  }
  text += decoder.decode();
  try {
    return JSON.parse(text);
  } catch {
    throw new RequestError(400, BAD_JSON);
  }
}
