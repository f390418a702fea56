// The server's upward jobs refuse a workbook with a structure problem before anything is
// queued (domain.md, "Nothing goes upward from a misread workbook"): the same line as the CLI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upwardBlock, parseWorkbook, type SheetData } from '../../core/index.js';
import { basicSheets } from '../helpers/workbook.js';
import { startTestServer, type TestServer } from '../helpers/serve.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

/** 记分台账 empty, 台账 with 3 rows. */
function misread(): SheetData[] {
  const [roster, ledger, settings] = basicSheets();
  const rows = [1, 2, 3].map((d) => [`2026-07-0${d}`, 'A01', '张三', 'P2', '请假', '', '', '']);
  return [roster, ledger, { name: '台账', rows: [ledger.rows[0], ...rows] }, settings];
}

describe('upward jobs from a misread workbook', () => {
  it('quarterly and mail: 422 with the one line; the score still answers', async () => {
    const sheets = misread();
    const line = upwardBlock(parseWorkbook(sheets).problems);
    expect(line).toMatch(/^台账的工作表有问题，部分记录未读取，不生成报上级的汇总/);
    for (const kind of ['quarterly', 'mail']) {
      const reply = await server.request('POST', '/api/jobs', {
        json: { kind, quarter: '2026Q3', sheets },
      });
      expect([kind, reply.status]).toEqual([kind, 422]);
      expect(reply.json().error).toBe(line);
    }
    const score = await server.request('POST', '/api/score', {
      json: { sheets, asOf: '2026-11-24' },
    });
    expect(score.status).toBe(200);
    expect(server.logged).toEqual([]);
  });
});
