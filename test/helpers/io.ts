// Test helper: the streams a command writes to, kept as text.
import { PassThrough } from 'node:stream';
import type { Io } from '../../reports/command.js';

export interface CapturedIo extends Io {
  stdout: () => string;
  stderr: () => string;
}

export function captureIo(): CapturedIo {
  const out = new PassThrough();
  const err = new PassThrough();
  const text = { out: '', err: '' };
  out.on('data', (c: Buffer) => (text.out += c.toString('utf8')));
  err.on('data', (c: Buffer) => (text.err += c.toString('utf8')));
  return { out, err, stdout: () => text.out, stderr: () => text.err };
}
