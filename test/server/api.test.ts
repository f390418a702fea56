// twelve serve over HTTPS on 127.0.0.1, driven by a real HTTP client: the same score as the
// CLI, a notices job whose merged PDF reads back, the quarterly .eml, and every bad request a
// 4xx with one Chinese line.
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticeCards, parseWorkbook, score } from '../../core/index.js';
import { main } from '../../reports/cli.js';
import { SAMPLE_WORKBOOK } from '../../reports/paths.js';
import { readWorkbook } from '../../reports/read-workbook.js';
import { buildWeb } from '../../scripts/build-web.js';
import { captureIo } from '../helpers/io.js';
import { tempDir } from '../helpers/workbook.js';
import { pdfPages, squash } from '../helpers/pdf-text.js';
import {
  dispositionName,
  STACK,
  startTestServer,
  waitForJob,
  type TestServer,
} from '../helpers/serve.js';

const AS_OF = '2026-11-24';
let server: TestServer;
const sample = () => new Blob([readFileSync(SAMPLE_WORKBOOK)]);
const upload = (fields: Record<string, string>, file = sample(), name = '示例台账.xlsx') => {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('workbook', file, name);
  return form;
};

beforeAll(async () => {
  const webDir = await buildWeb(path.join(tempDir(), 'web'));
  server = await startTestServer({ https: true, bodyLimit: 1024 * 1024, webDir });
});
afterAll(async () => {
  await server?.close();
});

async function cliScoreJson(): Promise<unknown> {
  const io = captureIo();
  await main(['score', SAMPLE_WORKBOOK, '--as-of', AS_OF, '--json'], io.out, io.err);
  return JSON.parse(io.stdout());
}

describe('POST /api/score', () => {
  it('answers an uploaded .xlsx over HTTPS with exactly what twelve score --json prints', async () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const reply = await server.request('POST', '/api/score', { form: upload({ asOf: AS_OF }) });
    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual(await cliScoreJson());
  });

  it('takes the sheets as JSON, as the pane reads them, with the same answer', async () => {
    const sheets = await readWorkbook(SAMPLE_WORKBOOK);
    const reply = await server.request('POST', '/api/score', {
      json: { sheets, asOf: AS_OF },
    });
    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual(await cliScoreJson());
  });
});

describe('jobs', () => {
  it('prints the notice cards: the merged PDF downloads under its Chinese name and reads back', async () => {
    const since = '2026-10-01';
    const start = await server.request('POST', '/api/jobs', {
      form: upload({ kind: 'notices', asOf: AS_OF, since }),
    });
    expect(start.status).toBe(202);
    const { id } = start.json() as { id: string };
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const job = await waitForJob(server, id);
    expect(job.error).toBeUndefined();
    expect(job.state).toBe('done');
    expect(job.progress).toBe(1);

    const parsed = parseWorkbook(await readWorkbook(SAMPLE_WORKBOOK));
    const cards = noticeCards(score(parsed, AS_OF), { since, until: AS_OF });
    expect(cards.length).toBeGreaterThan(1);
    expect(job.files).toHaveLength(cards.length + 1);
    const merged = job.files[0];
    expect(merged.name).toBe(`记分告知卡-合并打印-${since}至${AS_OF}.pdf`);

    const file = await server.request('GET', merged.url);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(dispositionName(file.headers['content-disposition'])).toBe(merged.name);
    expect(file.body.length).toBe(merged.bytes);
    const pages = await pdfPages(file.body);
    expect(pages).toHaveLength(cards.length);
    pages.forEach((page, i) => {
      expect(squash(page)).toMatch(/(记分|奖励分)告知卡/);
      expect(squash(page)).toContain(cards[i].memberName);
    });
  });

  it('writes the quarterly mail as an .eml with the card and the summary attached', async () => {
    const start = await server.request('POST', '/api/jobs', {
      form: upload({ kind: 'mail', quarter: '2026Q3' }),
    });
    expect(start.status).toBe(202);
    const job = await waitForJob(server, (start.json() as { id: string }).id);
    expect(job.state).toBe('done');
    expect(job.message).toContain('未发送');
    expect(job.files).toHaveLength(1);
    const eml = await server.request('GET', job.files[0].url);
    expect(dispositionName(eml.headers['content-disposition'])).toMatch(
      /^2026Q3 .+记分汇总公示卡\.eml$/,
    );
    const mail = await simpleParser(eml.body);
    expect(mail.subject).toContain('2026年第三季度');
    const settings = parseWorkbook(await readWorkbook(SAMPLE_WORKBOOK)).settings;
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toContain(settings.upwardEmail);
    expect(mail.attachments.map((a) => a.filename)).toEqual([
      '记分汇总公示卡-2026Q3-报上级.pdf',
      expect.stringMatching(/2026年第三季度记分汇总表\.xlsx$/),
    ]);
    expect(squash((await pdfPages(mail.attachments[0].content)).join(''))).toContain(
      '记分汇总公示卡',
    );
  });

  it('prints the quarterly cards and the ranking', async () => {
    const quarterly = await server.request('POST', '/api/jobs', {
      json: { kind: 'quarterly', quarter: '2026Q3', sheets: await readWorkbook(SAMPLE_WORKBOOK) },
    });
    const ranking = await server.request('POST', '/api/jobs', {
      form: upload({ kind: 'ranking', month: '2026-11' }),
    });
    const [q, r] = await Promise.all(
      [quarterly, ranking].map((s) => waitForJob(server, (s.json() as { id: string }).id)),
    );
    expect(q.files.map((f) => f.name)).toEqual([
      '记分汇总公示卡-2026Q3-内部公示.pdf',
      '记分汇总公示卡-2026Q3-报上级.pdf',
    ]);
    expect(r.files.map((f) => f.name)).toEqual(['积分榜单-2026-11.pdf']);
    const pdf = await server.request('GET', r.files[0].url);
    expect(squash((await pdfPages(pdf.body)).join(''))).toContain('榜单');
  });

  it('gives no file of another job, of an unknown id, or by a ../ path: 404', async () => {
    const start = await server.request('POST', '/api/jobs', {
      form: upload({ kind: 'ranking', month: '2026-11' }),
    });
    const { id } = start.json() as { id: string };
    await waitForJob(server, id);
    for (const url of [
      `/api/jobs/${randomUUID()}/files/0`,
      `/api/jobs/${randomUUID()}`,
      `/api/jobs/${id}/files/1`,
      `/api/jobs/${id}/files/..%2f..%2fetc%2fpasswd`,
      `/api/jobs/${id}/files/../../../etc/passwd`,
      `/api/jobs/..%2f${id}/files/0`,
      `/api/jobs/${id}/files/0/../../x`,
    ]) {
      const reply = await server.request('GET', url);
      expect(reply.status, url).toBe(404);
      expect(reply.json().error, url).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('bad requests', () => {
  const cases: [string, () => Promise<{ status: number; text: string }>, number, RegExp][] = [
    ['malformed JSON', () => post('/api/score', '{"sheets": [', 'application/json'), 400, /JSON/],
    ['empty JSON', () => post('/api/jobs', '', 'application/json'), 400, /空/],
    ['a JSON array', () => post('/api/score', '[1,2]', 'application/json'), 400, /JSON 对象/],
    ['plain text', () => post('/api/score', 'hello', 'text/plain'), 415, /内容类型/],
    ['no sheets', () => json('/api/score', { asOf: AS_OF }), 400, /sheets/],
    [
      'a bad cell',
      () => json('/api/score', { sheets: [{ name: '名册', rows: [[{ x: 1 }]] }] }),
      400,
      /sheets\[0\]\.rows\[0\]\[0\]/,
    ],
    ['no roster', () => json('/api/score', { sheets: [{ name: 'x', rows: [] }] }), 400, /党员名册/],
    ['bad asOf', () => form('/api/score', { asOf: '2026-02-30' }), 400, /asOf.*2026-02-30/],
    ['unknown kind', () => form('/api/jobs', { kind: 'cards' }), 400, /kind="cards"/],
    ['no kind', () => form('/api/jobs', {}), 400, /缺少请求字段 kind/],
    ['bad since', () => form('/api/jobs', { kind: 'notices', since: '2026-13-01' }), 400, /since/],
    ['unknown field', () => form('/api/jobs', { kind: 'ranking', colour: 'red' }), 400, /colour/],
    ['bad quarter', () => form('/api/jobs', { kind: 'quarterly', quarter: 'Q5' }), 400, /Q5/],
    ['no month', () => form('/api/jobs', { kind: 'ranking' }), 400, /month/],
    [
      'a .csv',
      () => form('/api/score', {}, new Blob(['姓名,分值\n张三,6\n']), '台账.csv'),
      400,
      /台账\.csv.*不是 \.xlsx/,
    ],
    [
      'text named .xlsx',
      () => form('/api/score', {}, new Blob(['姓名,分值\n张三,6\n']), '台账.xlsx'),
      400,
      /台账\.xlsx.*不是 Excel 工作簿/,
    ],
    [
      'a broken zip',
      () => form('/api/score', {}, new Blob([Buffer.from('PK\u0003\u0004garbage')]), '坏.xlsx'),
      400,
      /坏\.xlsx.*损坏/,
    ],
    [
      'oversize upload',
      () => form('/api/score', {}, new Blob([Buffer.alloc(2 * 1024 * 1024, 1)])),
      413,
      /1 MB/,
    ],
    [
      'oversize JSON',
      () => json('/api/score', { sheets: [{ name: 'x', rows: [['x'.repeat(2 * 1024 * 1024)]] }] }),
      413,
      /1 MB/,
    ],
    ['unknown route', () => post('/api/nothing', '{}', 'application/json'), 404, /没有这个地址/],
  ];

  it.each(cases)(
    '%s: a 4xx with one Chinese line, no stack, nothing logged',
    async (_n, run, status, message) => {
      const before = server.logged.length;
      const reply = await run();
      expect(reply.status).toBe(status);
      const body = JSON.parse(reply.text) as { error: string };
      expect(Object.keys(body)).toEqual(['error']);
      expect(body.error).toMatch(/[\u4e00-\u9fff]/);
      expect(body.error).toMatch(message);
      expect(reply.text).not.toMatch(STACK);
      expect(server.logged.slice(before)).toEqual([]);
    },
  );

  function post(url: string, body: string, type: string) {
    return server.request('POST', url, { body, headers: { 'content-type': type } });
  }
  function json(url: string, value: unknown) {
    return server.request('POST', url, { json: value });
  }
  function form(
    url: string,
    fields: Record<string, string>,
    file = sample(),
    name = '示例台账.xlsx',
  ) {
    return server.request('POST', url, { form: upload(fields, file, name) });
  }
});

describe('pages and the manifest', () => {
  it('serves the manifest for its own origin', async () => {
    const reply = await server.request('GET', '/manifest.xml');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toContain('xml');
    expect(reply.text).not.toContain('localhost:3000');
    // A loopback server is named localhost in the manifest, as Office and its certificate know it.
    const origin = server.url.replace('127.0.0.1', 'localhost');
    expect(reply.text).toContain(`<SourceLocation DefaultValue="${origin}/taskpane.html"`);
    expect(reply.text).toContain(`<AppDomain>${origin}</AppDomain>`);
  });

  it('sends the page with a strict CSP and the usual security headers', async () => {
    const reply = await server.request('GET', '/');
    expect(reply.status).toBe(200);
    const csp = String(reply.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['strict-transport-security']).toBeDefined();
    expect(reply.text).not.toMatch(/<script>(?!<\/script>)/);
  });
});
