// Random access into an .xlsx's zip through its central directory (yauzl): parts are read in
// the order the reader needs them, whatever order the writer stored them in. Every read checks
// the declared sizes, counts the bytes it inflates and verifies the CRC (yauzl does not), and
// every stream failure rejects: a damaged file ends in a message, never in a silent hang.
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { damaged, tooBig, WorkbookFileError } from './errors.js';
import { LIMITS, MB } from './limits.js';

export class ZipParts {
  private totalRead = 0;

  private constructor(
    private readonly zip: yauzl.ZipFile,
    /** Entries by part name: no leading slash, lower case (OPC part names ignore case). */
    private readonly entries: Map<string, yauzl.Entry>,
    /** The file's name, for messages. */
    readonly fileName: string,
  ) {}

  /** A file on disk, read part by part. */
  static async open(file: string, fileName: string): Promise<ZipParts> {
    return ZipParts.from((options, done) => yauzl.open(file, options, done), fileName);
  }

  /** Bytes already in memory (a mail attachment), read through the same checks. */
  static async fromBuffer(content: Buffer, fileName: string): Promise<ZipParts> {
    return ZipParts.from((options, done) => yauzl.fromBuffer(content, options, done), fileName);
  }

  private static async from(
    openZip: (
      options: yauzl.Options,
      done: (error: Error | null, zipfile: yauzl.ZipFile) => void,
    ) => void,
    fileName: string,
  ): Promise<ZipParts> {
    const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      openZip(
        {
          lazyEntries: true,
          autoClose: false,
          validateEntrySizes: true,
          strictFileNames: false,
          decodeStrings: true,
        },
        (error, zipfile) =>
          error || !zipfile ? reject(damaged(fileName, '找不到压缩包目录')) : resolve(zipfile),
      ),
    );
    try {
      const entries = await listEntries(zip, fileName);
      // A bomb is refused by the sizes its directory declares, before a byte is inflated; a
      // part that inflates past its declared size is stopped by yauzl (validateEntrySizes).
      let declared = 0;
      for (const [key, entry] of entries)
        if (/\.(xml|rels)$/.test(key)) declared += entry.uncompressedSize;
      if (declared > LIMITS.totalBytes)
        throw tooBig(fileName, `解压后超过 ${MB(LIMITS.totalBytes)}`);
      return new ZipParts(zip, entries, fileName);
    } catch (error) {
      zip.close();
      throw error;
    }
  }

  has(name: string): boolean {
    return this.entries.has(partKey(name));
  }

  names(): string[] {
    return [...this.entries.values()].map((e) => e.fileName);
  }

  /**
   * Streams one part's text to `onText` in order; resolves once all of it was given and its
   * CRC matched. `onText` may throw (a parse error, a limit): the read stops and rejects.
   */
  read(name: string, onText: (text: string) => void): Promise<void> {
    const entry = this.entries.get(partKey(name));
    if (!entry) return Promise.reject(damaged(this.fileName, `缺少部件 ${name}`));
    const fileName = this.fileName;
    if (entry.isEncrypted()) return Promise.reject(damaged(fileName, `部件 ${name} 已加密`));
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
      return Promise.reject(damaged(fileName, `部件 ${name} 使用了不支持的压缩方式`));
    if (entry.uncompressedSize > LIMITS.partBytes)
      return Promise.reject(
        tooBig(fileName, `的部件 ${name} 解压后有 ${MB(entry.uncompressedSize)}`),
      );
    if (this.totalRead + entry.uncompressedSize > LIMITS.totalBytes)
      return Promise.reject(tooBig(fileName, `解压后超过 ${MB(LIMITS.totalBytes)}`));
    this.totalRead += entry.uncompressedSize;

    return new Promise<void>((resolve, reject) => {
      this.zip.openReadStream(entry, (openError, stream) => {
        if (openError || !stream) {
          reject(damaged(fileName, `部件 ${name} 无法解压`));
          return;
        }
        let settled = false;
        let crc = 0;
        let bytes = 0;
        let decoder: TextDecoder | null = null;
        const fail = (error: unknown) => {
          if (settled) return;
          settled = true;
          stream.destroy();
          reject(error instanceof WorkbookFileError ? error : wrap());
        };
        // Whatever went wrong inside a library, the clerk hears which part is damaged.
        const wrap = () => damaged(fileName, `部件 ${name} 的数据不完整或校验失败`);
        const badText = () => damaged(fileName, `部件 ${name} 不是有效的文本`);
        stream.on('data', (chunk: Buffer) => {
          if (settled) return;
          bytes += chunk.length;
          if (bytes > entry.uncompressedSize) return fail(wrap());
          crc = crc32(chunk, crc);
          let text: string;
          try {
            decoder ??= new TextDecoder(encodingOf(chunk), { fatal: true });
            text = decoder.decode(chunk, { stream: true });
          } catch {
            return fail(badText());
          }
          try {
            if (text) onText(text);
          } catch (error) {
            fail(error);
          }
        });
        stream.on('error', fail);
        stream.on('end', () => {
          if (settled) return;
          if (bytes !== entry.uncompressedSize || crc >>> 0 !== entry.crc32 >>> 0)
            return fail(wrap());
          let rest: string;
          try {
            rest = decoder?.decode() ?? '';
          } catch {
            return fail(badText());
          }
          try {
            if (rest) onText(rest);
            settled = true;
            resolve();
          } catch (error) {
            fail(error);
          }
        });
        stream.on('close', () => {
          if (!settled) fail(wrap());
        });
      });
    });
  }

  close(): void {
    this.zip.close();
  }
}

/** "/xl/Worksheets/Sheet1.xml" and "xl/worksheets/sheet1.xml" name the same part. */
export function partKey(name: string): string {
  return name.replace(/^\/+/, '').replace(/\\/g, '/').toLowerCase();
}

function listEntries(zip: yauzl.ZipFile, fileName: string): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    let settled = false;
    const done = (error: Error | null) => {
      if (settled) return;
      settled = true;
      if (error) reject(error);
      else resolve(entries);
    };
    zip.on('entry', (entry: yauzl.Entry) => {
      if (settled) return;
      const key = partKey(entry.fileName);
      if (entries.has(key)) return done(damaged(fileName, `部件 ${entry.fileName} 重复出现`));
      if (entries.size >= LIMITS.entries)
        return done(damaged(fileName, `压缩包中的文件超过 ${LIMITS.entries} 个`));
      if (!key.endsWith('/')) entries.set(key, entry);
      zip.readEntry();
    });
    zip.on('end', () => done(null));
    zip.on('error', () => done(damaged(fileName, '压缩包目录无法读取')));
    zip.on('close', () => done(damaged(fileName, '压缩包目录不完整')));
    zip.readEntry();
  });
}

/** XML parts are UTF-8; a byte-order mark may say UTF-16. */
function encodingOf(head: Buffer): string {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}
