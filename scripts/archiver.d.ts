// The part of archiver (already in the tree through exceljs) that `npm run dist` uses; the
// package ships no types and @types/archiver would be one more download for every npm ci.
declare module 'archiver' {
  import type { Writable } from 'node:stream';
  interface Archiver {
    directory(dir: string, prefix: string): Archiver;
    file(file: string, data: { name: string }): Archiver;
    append(source: string | Buffer, data: { name: string }): Archiver;
    pipe(destination: Writable): Writable;
    on(event: 'error', listener: (error: Error) => void): Archiver;
    finalize(): Promise<void>;
  }
  export default function archiver(
    format: 'zip',
    options?: { zlib?: { level?: number } },
  ): Archiver;
}
