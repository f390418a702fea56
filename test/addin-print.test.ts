// The pieces of 打印与报送 that need no browser: the periods it offers, the sheets it sends,
// its client of `twelve serve` against a real HTTP server on 127.0.0.1, and the ribbon
// command's failure messages.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureMessage, messageFrom, noticeUrl } from '../addin/command-failure.js';
import { fetchTransport } from '../ui/http.js';
import { monthProblem, periodProblem, quarterProblem } from '../ui/print-periods.js';
import type { Capabilities, JobStatus } from '../ui/job-api.js';
import { jobSheets, reportApi, ReportApiError } from '../ui/report-api.js';
import {
  futureRankingLine,
  printPeriods,
  quarterLabel,
  serialToDate,
  unfinishedQuarterLine,
  type SheetData,
} from '../core/index.js';
import { reviveSheets } from '../core/sheets-json.js';
import { closedPort } from './helpers/smtp.js';

describe('the periods 打印与报送 offers', () => {
  it('defaults to the month so far, the last ranking taken and the quarter to publish', () => {
    expect(printPeriods('2026-11-25', 25)).toMatchObject({
      since: '2026-11-01',
      until: '2026-11-25',
      month: '2026-11',
      quarter: '2026Q3',
    });
    // Before the ranking day, this month's ranking is not taken yet.
    expect(printPeriods('2026-11-24', 25).month).toBe('2026-10');
    expect(printPeriods('2026-01-10', 25).month).toBe('2025-12');
    // The last quarter that has ended: not the current one before its last day.
    expect(printPeriods('2026-12-31', 25).quarter).toBe('2026Q4');
    expect(printPeriods('2026-12-04', 25).quarter).toBe('2026Q3');
    // On 2026-12-04 the last ranking taken is November's, sealed on the 25th.
    expect(printPeriods('2026-12-04', 25).month).toBe('2026-11');
    // A ranking day past the month's end is its last day.
    expect(printPeriods('2026-02-28', 31).month).toBe('2026-02');
    expect(printPeriods('2026-02-10', 25).quarters.slice(0, 3)).toEqual([
      '2026Q1',
      '2025Q4',
      '2025Q3',
    ]);
    expect(printPeriods('2026-02-10', 25).quarter).toBe('2025Q4');
  });

  it('names the field and what was typed when a period is unusable', () => {
    expect(periodProblem('2026-11-01', '2026-11-25')).toBeNull();
    expect(periodProblem('2026-13-01', '2026-11-25')).toContain('起始日期');
    expect(periodProblem('2026-11-01', '明天')).toContain('“明天”');
    expect(periodProblem('2026-11-26', '2026-11-25')).toContain('晚于');
    expect(monthProblem('2026-13')).toContain('月份');
    expect(monthProblem('2026-3')).toBeNull();
    expect(quarterProblem('2026Q5')).toContain('2026Q5');
    expect(quarterLabel('2026Q3')).toBe('2026年第三季度');
    expect(quarterLabel('2026Q4')).toBe('2026年第四季度');
  });

  it('words a period not ended yet once, as the CLI does', () => {
    expect(unfinishedQuarterLine('2026Q4', '2026-12-04')).toBe(
      '注意：2026Q4 尚未结束（季度末为 2026-12-31，今天是 2026-12-04），汇总只含台账中已有的记录，季度结束后请重新生成。',
    );
    expect(unfinishedQuarterLine('2026Q3', '2026-12-04')).toBe('');
    expect(futureRankingLine('2026-12', '2026-12-25', '2026-12-04')).toContain(
      '调整日 2026-12-25 还没到',
    );
    expect(futureRankingLine('2026-11', '2026-11-25', '2026-12-04')).toBe('');
  });
});

describe('the sheets a job carries', () => {
  it('sends dates as the server reads them back, and keeps where the table sits', () => {
    const sheet: SheetData = {
      name: '记分台账',
      rows: [
        ['日期', '姓名', '分值'],
        [serialToDate(46086), '张三', 6],
        [new Date(Date.UTC(2026, 2, 5, 9, 30)), undefined, null],
      ],
      origin: { row: 3, col: 2 },
    };
    const sent = JSON.parse(JSON.stringify(jobSheets([sheet]))) as SheetData[];
    expect(sent[0].rows[1]).toEqual(['2026-03-05T00:00:00.000Z', '张三', 6]);
    expect(sent[0].rows[2]).toEqual(['2026-03-05T09:30:00.000Z', null, null]);
    expect(sent[0].origin).toEqual({ row: 3, col: 2 });
    expect(sent[0]).not.toHaveProperty('merges');
    // The server's reading gives back the very cells the pane scored.
    expect(reviveSheets(sent)[0].rows).toEqual([
      ['日期', '姓名', '分值'],
      [serialToDate(46086), '张三', 6],
      [new Date(Date.UTC(2026, 2, 5, 9, 30)), null, null],
    ]);
  });
});

describe('the client of twelve serve', () => {
  let server: Server;
  let base: string;
  const seen: { method: string; url: string; body: string; type: string }[] = [];
  let handler: (req: IncomingMessage, res: ServerResponse, body: string) => void;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        seen.push({
          method: req.method!,
          url: req.url!,
          body,
          type: req.headers['content-type'] ?? '',
        });
        handler(req, res, body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const json = (res: ServerResponse, status: number, value: unknown) =>
    res
      .writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
      .end(JSON.stringify(value));

  it('reads what the server can do, starts a job and follows it to its files', async () => {
    handler = (req, res) => {
      if (req.url === '/api/capabilities') return json(res, 200, capabilities);
      if (req.url === '/api/jobs') return json(res, 202, { id: 'k9' });
      return json(res, 200, done);
    };
    const capabilities: Capabilities = {
      unit: null,
      loginRequired: false,
      kinds: ['notices', 'quarterly', 'ranking', 'mail'],
      bodyLimit: 1024,
      jsonLimit: 512,
      mail: { send: true, to: 'shangji@example.cn' },
      files: { ttlMinutes: 60 },
    };
    const done: JobStatus = {
      state: 'done',
      progress: 1,
      files: [{ name: '告知卡.pdf', url: '/api/jobs/k9/files/0', bytes: 2048 }],
      expiresAt: '2026-11-25T10:00:00.000Z',
    };
    const api = reportApi(base, fetchTransport);
    expect(await api.capabilities()).toEqual(capabilities);
    const sheets: SheetData[] = [{ name: '党员名册', rows: [['姓名'], ['张三']] }];
    const id = await api.startJob({
      kind: 'notices',
      since: '2026-11-01',
      until: '2026-11-25',
      asOf: '2026-11-25',
      sheets,
    });
    expect(id).toBe('k9');
    const post = seen.find((s) => s.method === 'POST')!;
    expect(post.type).toBe('application/json');
    expect(JSON.parse(post.body)).toEqual({
      sheets,
      asOf: '2026-11-25',
      kind: 'notices',
      since: '2026-11-01',
      until: '2026-11-25',
    });
    const status = await api.job(id);
    expect(seen[seen.length - 1].url).toBe('/api/jobs/k9');
    expect(status).toEqual({
      ...done,
      files: [{ name: '告知卡.pdf', url: `${base}api/jobs/k9/files/0`, bytes: 2048 }],
    });
    // A workbook the web page uploaded once goes by its id, without sheets.
    await api.startJob({ kind: 'ranking', month: '2026-11', asOf: '2026-11-25', workbook: 'w1' });
    expect(JSON.parse(seen[seen.length - 1].body)).toEqual({
      kind: 'ranking',
      month: '2026-11',
      asOf: '2026-11-25',
      workbook: 'w1',
    });
  });

  it('passes on the server’s Chinese error, and tells an absent API from a stopped server', async () => {
    handler = (req, res) =>
      req.url === '/api/jobs'
        ? json(res, 400, { error: '请求字段 quarter 的值“2026Q5”无效，应如 2026Q3' })
        : res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>');
    const api = reportApi(base, fetchTransport);
    const refused = await api
      .startJob({ kind: 'quarterly', quarter: '2026Q5', asOf: '2026-11-25', sheets: [] })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ReportApiError);
    expect(refused).toMatchObject({ failure: 'refused', status: 400 });
    expect((refused as Error).message).toContain('2026Q5');

    const absent = await api.capabilities().catch((e: unknown) => e);
    expect(absent).toMatchObject({ failure: 'absent' });

    const stopped = reportApi(`http://127.0.0.1:${await closedPort()}`, fetchTransport);
    const unreachable = await stopped.job('k9').catch((e: unknown) => e);
    expect(unreachable).toMatchObject({ failure: 'unreachable' });
    expect((unreachable as Error).message).toContain('twelve serve');
  });
});

describe('the ribbon command’s failure message', () => {
  it('says in Chinese what the clerk can do about Excel’s own errors', () => {
    expect(failureMessage({ code: 'InvalidOperationInCellEditMode', message: 'x' })).toContain(
      '结束编辑',
    );
    expect(failureMessage(new Error('工作表内容过大，Excel 网页版无法分批读取'))).toBe(
      '检查并评分未能完成：工作表内容过大，Excel 网页版无法分批读取',
    );
    const other = failureMessage(
      Object.assign(new Error('An internal error has occurred.'), { code: 'GeneralException' }),
    );
    expect(other).toContain('GeneralException');
    expect(other).toContain('记分面板');
  });

  it('carries the message to the dialog page through its address', () => {
    const message = '检查并评分未能完成：A&B=C？ 100%';
    const url = noticeUrl('https://localhost:3000/commands.html?_host_Info=Excel$Win32', message);
    expect(url.startsWith('https://localhost:3000/notice.html?message=')).toBe(true);
    // Office may add its own parameters to the query.
    expect(messageFrom(`${new URL(url).search}&_host_Info=Excel`)).toBe(message);
  });
});
