// What a county clerk hands in: folders, saved mails (.eml), mail archives (.mbox) and the
// summary workbooks themselves (.xlsx). Each is turned into the .xlsx summaries it holds, or a
// Chinese line saying why one was not read; the rest goes on.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser, type Attachment } from 'mailparser';
import { mboxMessages } from './mbox.js';

/** One summary workbook found, or a problem with one input, named as the clerk would find it. */
export type Piece = { source: string; xlsx: Buffer } | { source: string; problem: string };

export const INPUT_EXTENSIONS = ['.eml', '.mbox', '.xlsx'] as const;

export interface InputList {
  files: string[];
  problems: { source: string; problem: string }[];
}

/** The files to read, folders walked (sorted, hidden files left out), each named once. */
export async function listInputs(paths: readonly string[]): Promise<InputList> {
  const files: string[] = [];
  const problems: InputList['problems'] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const full = path.resolve(file);
    if (!seen.has(full)) {
      seen.add(full);
      files.push(file);
    }
  };
  for (const given of paths) {
    const info = await stat(given).catch(() => null);
    if (!info) problems.push({ source: given, problem: '找不到该文件或文件夹' });
    else if (info.isDirectory()) {
      for (const file of await walk(given)) {
        if (isInput(file)) add(file);
        else problems.push({ source: file, problem: notInputText(file) });
      }
    } else if (isInput(given)) add(given);
    else problems.push({ source: given, problem: notInputText(given) });
  }
  return { files, problems };
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(full)));
    else if (e.isFile()) out.push(full);
  }
  return out;
}

const extOf = (file: string) => path.extname(file).toLowerCase();
const isInput = (file: string) => (INPUT_EXTENSIONS as readonly string[]).includes(extOf(file));
const notInputText = (file: string) =>
  `不是邮件（.eml、.mbox）或汇总表（.xlsx）${extOf(file) === '.xls' ? '（旧版 .xls 请另存为 .xlsx）' : ''}，未读取`;

/** The summaries in one file: itself (.xlsx), a mail's attachments, every mail of an mbox. */
export async function* piecesOf(file: string): AsyncGenerator<Piece> {
  const ext = extOf(file);
  try {
    if (ext === '.xlsx') yield { source: file, xlsx: await readFile(file) };
    else if (ext === '.eml') yield* mailPieces(await readFile(file), file);
    else {
      let count = 0;
      for await (const raw of mboxMessages(file))
        yield* mailPieces(raw, `${file} 第${++count}封邮件`);
      if (count === 0)
        yield { source: file, problem: '不是 mbox 邮件存档（第一行应以"From "开头），未读取' };
    }
  } catch (error) {
    yield { source: file, problem: `无法读取（${fileReason(error)}）` };
  }
}

/** The .xlsx attachments of one mail; the summary card (PDF) is expected and passed over. */
async function* mailPieces(raw: Buffer, source: string): AsyncGenerator<Piece> {
  let attachments: Attachment[];
  try {
    attachments = (await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true }))
      .attachments;
  } catch {
    yield { source, problem: '不是可读的邮件文件，未读取' };
    return;
  }
  let found = 0;
  for (const a of attachments) {
    const name = a.filename ?? '（无文件名）';
    const at = `${source} › ${name}`;
    if (/\.xlsx$/i.test(name) || a.contentType === XLSX_TYPE) {
      found++;
      yield { source: at, xlsx: a.content };
    } else if (/\.pdf$/i.test(name) || a.contentType === 'application/pdf') continue;
    else
      yield {
        source: at,
        problem: `附件不是 .xlsx 汇总表（${a.contentType}），未读取；请对方用 twelve mail 生成的汇总表报送`,
      };
  }
  if (found === 0 && attachments.every((a) => /\.pdf$/i.test(a.filename ?? '')))
    yield { source, problem: '邮件中没有 .xlsx 汇总表附件，未计入' };
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function fileReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return '没有读取权限';
  if (code === 'EISDIR') return '是文件夹';
  if (code === 'ENOENT') return '文件不存在';
  return '文件读取出错';
}
