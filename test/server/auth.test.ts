// Who may call, and where mail may go. On 127.0.0.2 (a loopback address, but not one of the
// default three where anyone on the machine may call) the server needs a token; with a units
// file each unit sees only its own jobs and mails only its configured upward address, once.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../reports/server/start.js';
import { cardSheets } from '../helpers/card-fixture.js';
import { PASSWORD, startSmtp, USER, type TestServer as Smtp } from '../helpers/smtp.js';
import {
  send,
  startTestServer,
  waitForJob,
  type Reply,
  type TestServer,
} from '../helpers/serve.js';
import { tempDir, writeXlsx } from '../helpers/workbook.js';
import { loadUnits } from '../../reports/server/units.js';
import { readFileSync } from 'node:fs';

const TOKEN_A = 'a-unit-token-0123456789abcdef';
const TOKEN_B = 'b-unit-token-fedcba9876543210';
const UPWARD = 'dangwei@example.gov.cn';
const A = { authorization: `Bearer ${TOKEN_A}` };
const B = { authorization: `Bearer ${TOKEN_B}` };

let smtp: Smtp;
let server: TestServer;
let book: string;
const replies: Reply[] = [];

async function call(
  method: string,
  url: string,
  options: Parameters<TestServer['request']>[2] = {},
) {
  const reply = await server.request(method, url, options);
  replies.push(reply);
  return reply;
}

function upload(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('workbook', new Blob([readFileSync(book)]), '台账.xlsx');
  return form;
}

beforeAll(async () => {
  smtp = await startSmtp();
  book = await writeXlsx(cardSheets());
  const units = path.join(tempDir(), 'units.json');
  writeFileSync(
    units,
    JSON.stringify({
      units: [
        {
          name: '第一机关党支部',
          token: TOKEN_A,
          upward: UPWARD,
          smtp: {
            host: '127.0.0.1',
            port: smtp.port,
            tls: 'none',
            user: USER,
            password: PASSWORD,
            from: USER,
            retries: 0,
          },
        },
        { name: '第二机关党支部', token: TOKEN_B, upward: 'other@example.gov.cn' },
      ],
    }),
  );
  server = await startTestServer({ host: '127.0.0.2', units: loadUnits(units) });
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

describe('starting', () => {
  it('refuses a host other than 127.0.0.1, ::1 or localhost without a token', async () => {
    const base = { port: 0, token: null, units: null, ttlMs: 1000, bodyLimit: 1e6 };
    const rest = { deadlineMs: 1000, maxQueued: 1 };
    await expect(startServer({ ...base, ...rest, host: '127.0.0.2', http: true })).rejects.toThrow(
      /--token 或 --units/,
    );
    await expect(
      startServer({ ...base, ...rest, host: '0.0.0.0', http: true, token: TOKEN_A }),
    ).rejects.toThrow(/--http 只能用于本机地址/);
    await expect(
      startServer({ ...base, ...rest, host: '127.0.0.1', http: true, token: 'short' }),
    ).rejects.toThrow(/至少 16 个字符/);
  });
});

describe('tokens', () => {
  it('answers 401 in Chinese to every API request without a valid token', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.2:/);
    for (const headers of [
      {} as Record<string, string>,
      { authorization: 'Bearer wrong-token-0123456789' },
      { authorization: TOKEN_A },
    ]) {
      for (const [method, url] of [
        ['GET', '/api/capabilities'],
        ['POST', '/api/score'],
        ['POST', '/api/jobs'],
        ['GET', '/api/jobs/00000000-0000-4000-8000-000000000000'],
      ]) {
        const reply = await call(method, url, {
          headers,
          json: method === 'POST' ? {} : undefined,
        });
        expect(reply.status, `${method} ${url}`).toBe(401);
        expect(reply.json().error).toMatch(/令牌/);
        expect(reply.headers['www-authenticate']).toContain('Bearer');
      }
    }
  });

  it('knows the unit by its token, and says what mail can do without the password', async () => {
    const reply = await call('GET', '/api/capabilities', { headers: A });
    expect(reply.status).toBe(200);
    expect(reply.json()).toMatchObject({
      unit: '第一机关党支部',
      loginRequired: true,
      mail: { send: true, to: UPWARD },
      files: { ttlMinutes: 1 },
    });
    expect(reply.json().files).not.toHaveProperty('folder');
    const b = await call('GET', '/api/capabilities', { headers: B });
    expect(b.json()).toMatchObject({ unit: '第二机关党支部', mail: { send: false } });
  });

  it("keeps one unit's jobs and files from another", async () => {
    const start = await call('POST', '/api/jobs', {
      headers: A,
      form: upload({ kind: 'ranking', month: '2026-11' }),
    });
    expect(start.status).toBe(202);
    const { id } = start.json() as { id: string };
    const job = await waitForJob(server, id, A);
    expect(job.state).toBe('done');
    expect((await call('GET', `/api/jobs/${id}`, { headers: B })).status).toBe(404);
    expect((await call('GET', job.files[0].url, { headers: B })).status).toBe(404);
    expect((await call('GET', job.files[0].url, {})).status).toBe(401);
    expect((await call('GET', job.files[0].url, { headers: A })).status).toBe(200);
  });

  it("keeps one unit's uploaded workbook from another", async () => {
    const form = new FormData();
    form.append('workbook', new Blob([readFileSync(book)]), '台账.xlsx');
    const kept = await call('POST', '/api/workbooks', { headers: A, form });
    expect(kept.status).toBe(200);
    const { workbook } = kept.json() as { workbook: string };
    const job = { kind: 'ranking', month: '2026-11', workbook };
    const other = await call('POST', '/api/jobs', { headers: B, json: job });
    expect(other.status).toBe(404);
    expect(other.json().error).toContain('服务器上已没有这份台账');
    const own = await call('POST', '/api/jobs', { headers: A, json: job });
    expect(own.status).toBe(202);
    expect((await waitForJob(server, (own.json() as { id: string }).id, A)).state).toBe('done');
  });
});

describe('mail', () => {
  it('sends the quarterly mail once when asked twice, to the unit’s upward address only', async () => {
    const ask = () =>
      call('POST', '/api/jobs', {
        headers: A,
        form: upload({ kind: 'mail', quarter: '2026Q3', send: 'true' }),
      });
    const [first, second] = await Promise.all([ask(), ask()]);
    expect([first.status, second.status]).toEqual([202, 202]);
    const jobs = await Promise.all(
      [first, second].map((r) => waitForJob(server, (r.json() as { id: string }).id, A)),
    );
    expect(jobs.map((j) => j.state)).toEqual(['done', 'done']);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].to).toEqual([UPWARD]);
    const mail = await simpleParser(smtp.received[0].raw);
    expect(mail.subject).toContain('2026年第三季度');
    const messages = jobs.map((j) => j.message ?? '');
    expect(messages.filter((m) => m.startsWith('已发送'))).toHaveLength(1);
    expect(messages.filter((m) => m.includes('未重复发送'))).toHaveLength(1);
    // The sent one offers its .eml; the skipped one has nothing new to offer.
    expect(jobs.map((j) => j.files.length).sort()).toEqual([0, 1]);
  });

  it('is no open relay: another address, or a unit without SMTP, is refused with 403', async () => {
    const elsewhere = await call('POST', '/api/jobs', {
      headers: A,
      form: upload({ kind: 'mail', quarter: '2026Q3', send: 'true', to: 'someone@example.com' }),
    });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.json().error).toMatch(/someone@example\.com 不在本单位允许的地址中/);
    const noSmtp = await call('POST', '/api/jobs', {
      headers: B,
      form: upload({ kind: 'mail', quarter: '2026Q3', send: 'true' }),
    });
    expect(noSmtp.status).toBe(403);
    expect(noSmtp.json().error).toMatch(/邮件服务器设置/);
    expect(smtp.received).toHaveLength(1);
  });

  it('never shows the SMTP password in any response', () => {
    expect(replies.length).toBeGreaterThan(10);
    for (const reply of replies) expect(reply.text).not.toContain(PASSWORD);
  });
});

describe('anyone on this machine (127.0.0.1, no token)', () => {
  let open: TestServer;
  beforeAll(async () => {
    open = await startTestServer();
  });
  afterAll(async () => {
    await open?.close();
  });

  it('answers this machine, but not a page of another site or a name that is not local', async () => {
    expect((await open.request('GET', '/api/capabilities')).status).toBe(200);
    const forged = await open.request('POST', '/api/score', {
      headers: { origin: 'https://evil.example' },
      json: { sheets: [] },
    });
    expect(forged.status).toBe(403);
    expect(forged.json().error).toMatch(/其他网站/);
    const rebound = await send(open.url, null, 'GET', '/api/capabilities', {
      headers: { host: 'evil.example' },
    });
    expect(rebound.status).toBe(403);
    expect(rebound.json().error).toMatch(/本机地址/);
  });

  it('does not send where the caller names another address', async () => {
    const reply = await open.request('POST', '/api/jobs', {
      form: upload({ kind: 'mail', quarter: '2026Q3', send: 'true', to: 'x@example.com' }),
    });
    expect(reply.status).toBe(403);
    expect(reply.json().error).toMatch(/上级党组织邮箱/);
  });
});
