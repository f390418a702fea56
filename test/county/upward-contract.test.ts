// The upward .xlsx as a consolidator reads it: the sample's quarterly summary written by the
// mail's writer, read back from real bytes, trusted, and refused once a cell is edited.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  canonicalData,
  canonicalRows,
  countsAt,
  FIGURES,
  parseWorkbook,
  quarterlySummary,
  score,
  UPWARD_SHEETS,
  type QuarterSummary,
} from '../../core/index.js';
import { summaryXlsx, sha256Hex } from '../../reports/mail/summary-xlsx.js';
import { SAMPLE_WORKBOOK } from '../../reports/paths.js';
import { readWorkbook, readWorkbookBytes } from '../../reports/read-workbook.js';
import { readSummaryXlsx } from '../../reports/county/read-summary.js';

const UNIT = '示例经开区党工委';
let summary: QuarterSummary;
let xlsx: Buffer;

beforeAll(async () => {
  summary = quarterlySummary(parseWorkbook(await readWorkbook(SAMPLE_WORKBOOK)), '2026Q3');
  xlsx = await summaryXlsx(summary, {
    unit: UNIT,
    title: `${UNIT} 2026年第三季度党员“十二分制”记分汇总`,
    generated: new Date('2026-10-08T01:30:00Z'),
  });
});

/** Recomputes the data hash as a forger (or an older tool) would: the contract's own rules. */
async function rehash(bytes: Buffer, format: string): Promise<Buffer> {
  const sheets = await readWorkbookBytes(bytes, 'x');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const tables = ['记分汇总', '记分明细', '单位数据', ...(format === '1' ? [] : ['校验码'])].map(
    (name) => {
      const rows = sheets.find((s) => s.name === name)!.rows;
      return { name, banner: [], header: rows[2].map(String), rows: canonicalRows(rows.slice(3)) };
    },
  );
  const hash = sha256Hex(
    canonicalData(
      { unit: UNIT, quarter: '2026Q3', start: '2026-07-01', end: '2026-09-30', asOf: '2026-09-30' },
      tables,
      format,
    ),
  );
  wb.getWorksheet('报送信息')!.eachRow((row) => {
    if (row.getCell(1).value === '数据哈希') row.getCell(2).value = hash;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function edit(change: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  change(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('the upward summary workbook', () => {
  it('holds the contract sheets, the metadata and the unit figures', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '记分汇总',
      '记分明细',
      '单位数据',
      '校验码',
      '报送信息',
    ]);
    const meta = wb.getWorksheet(UPWARD_SHEETS.meta)!;
    const values = new Map<string, unknown>();
    meta.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(values.get('格式版本')).toBe('2');
    expect(values.get('校验摘要')).toBe(summary.seal.digest);
    expect(values.get('单位名称')).toBe(UNIT);
    expect(values.get('季度')).toBe('2026Q3');
    expect(values.get('截至日期')).toBe('2026-09-30');
    expect(values.get('生成时间')).toBe('2026-10-08T01:30:00.000Z');
    expect(values.get('数据哈希')).toMatch(/^[0-9a-f]{64}$/);
    expect(wb.getWorksheet('记分汇总')!.getRow(3).getCell(10).value).toBe('等级');
  });

  it('reads back as the figures the core computed, with the roster levels of everyone', async () => {
    const read = await readSummaryXlsx(xlsx);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.submission.unit).toBe(UNIT);
    expect(read.submission.figures).toEqual(summary.figures);
    // The levels cover the whole roster at the quarter's end, not only the members listed.
    const result = score(parseWorkbook(await readWorkbook(SAMPLE_WORKBOOK)), '2026-09-30');
    expect(read.submission.figures.activeMembers).toBe(result.members.length);
    expect(read.submission.figures.warning).toBe(
      result.members.filter((m) => m.level === 'warning').length,
    );
    expect(read.submission.figures.countedEntries).toBe(
      summary.rows.reduce((n, r) => n + r.entries.length, 0),
    );
    expect(FIGURES.map((f) => f.key)).toEqual(Object.keys(summary.figures));
  });

  it('gives the same hash for the same data made at another time', async () => {
    const again = await summaryXlsx(summary, {
      unit: UNIT,
      title: `${UNIT} 2026年第三季度党员“十二分制”记分汇总`,
      generated: new Date('2026-10-09T08:00:00Z'),
    });
    const [a, b] = [await readSummaryXlsx(xlsx), await readSummaryXlsx(again)];
    expect(a.ok && b.ok && a.submission.hash === b.submission.hash).toBe(true);
    expect(b.ok && b.submission.generated).toBe('2026-10-09T08:00:00.000Z');
  });

  it('refuses a workbook whose points were edited by hand', async () => {
    const tampered = await edit((wb) => {
      const cell = wb.getWorksheet('记分汇总')!.getRow(4).getCell(9);
      cell.value = Number(cell.value) + 1;
    });
    expect(await readSummaryXlsx(tampered)).toEqual({
      ok: false,
      message: expect.stringContaining('数据哈希不符'),
    });
  });

  it('refuses a workbook whose unit name was changed in 报送信息', async () => {
    const renamed = await edit((wb) => {
      wb.getWorksheet('报送信息')!.eachRow((row) => {
        if (row.getCell(1).value === '单位名称') row.getCell(2).value = '另一单位党工委';
      });
    });
    const read = await readSummaryXlsx(renamed);
    expect(read.ok).toBe(false);
  });

  it('says which metadata row is missing, and refuses other format versions', async () => {
    const noQuarter = await edit((wb) => {
      wb.getWorksheet('报送信息')!.eachRow((row) => {
        if (row.getCell(1).value === '季度') row.getCell(2).value = null;
      });
    });
    expect(await readSummaryXlsx(noQuarter)).toEqual({
      ok: false,
      message: '报送信息 第4行：缺少"季度"',
    });
    const v3 = await edit((wb) => {
      wb.getWorksheet('报送信息')!.getRow(2).getCell(2).value = '3';
    });
    expect(await readSummaryXlsx(v3)).toEqual({
      ok: false,
      message: expect.stringContaining('格式版本"3"不是本工具能读的版本（1、2）'),
    });
  });

  it('carries the 校验码 of every entry counted by the quarter end, and the digest over them', async () => {
    const read = await readSummaryXlsx(xlsx);
    if (!read.ok) throw new Error(read.message);
    expect(read.submission.seal).toEqual(summary.seal);
    const result = score(parseWorkbook(await readWorkbook(SAMPLE_WORKBOOK)), '2026-09-30');
    const counted = result.entries.filter(
      (e) => e.date <= '2026-09-30' && countsAt(e, '2026-09-30'),
    );
    // Earlier quarters too, not only this one's detail rows.
    expect(summary.seal.rows.length).toBeGreaterThanOrEqual(counted.length);
    expect(summary.seal.rows.some((r) => r.date < '2026-07-01')).toBe(true);
    expect(summary.seal.rows[0].code).toMatch(
      /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/,
    );
  });

  it('refuses a 校验码 sheet edited and re-hashed without its digest', async () => {
    const read = await readSummaryXlsx(
      await rehash(
        await edit((wb) => {
          wb.getWorksheet('校验码')!.getRow(4).getCell(11).value = '0000-0000-0000';
        }),
        '2',
      ),
    );
    expect(read).toEqual({
      ok: false,
      message: expect.stringContaining('校验摘要与"校验码"工作表所列的校验码不符'),
    });
  });

  it('still reads a format-1 report (no 校验码 sheet)', async () => {
    const v1 = await rehash(
      await edit((wb) => {
        wb.removeWorksheet(wb.getWorksheet('校验码')!.id);
        const meta = wb.getWorksheet('报送信息')!;
        meta.eachRow((row) => {
          if (row.getCell(1).value === '格式版本') row.getCell(2).value = '1';
        });
        meta.spliceRows(meta.rowCount, 1);
      }),
      '1',
    );
    const read = await readSummaryXlsx(v1);
    if (!read.ok) throw new Error(read.message);
    expect(read.submission.seal).toBeNull();
    expect(read.submission.figures).toEqual(summary.figures);
  });

  it('refuses a file that is not a summary workbook', async () => {
    expect((await readSummaryXlsx(Buffer.from('%PDF-1.7'))).ok).toBe(false);
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Sheet1').addRow(['单位', '人数']);
    const read = await readSummaryXlsx(Buffer.from(await plain.xlsx.writeBuffer()));
    expect(read).toEqual({ ok: false, message: expect.stringContaining('没有"报送信息"工作表') });
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
