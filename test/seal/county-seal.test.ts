// The county, given a unit's 2026Q3 report beside its 2026Q4 one, names the Q3 entries that
// the unit changed, deleted or back-dated since (and its corrections as corrections): each
// edit of the shared list, through the county's own file reading; then once through
// `twelve county` with its output and the 核验异常 sheet.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../reports/cli.js';
import { consolidateFiles } from '../../reports/county/consolidate-files.js';
import { readWorkbook } from '../../reports/read-workbook.js';
import { captureIo } from '../helpers/io.js';
import { editedSample, sampleReport, SEAL_EDITS, type SealEdit } from '../helpers/seal-edits.js';
import { tempDir } from '../helpers/workbook.js';

let dir: string;
let q3: Buffer;

beforeAll(async () => {
  dir = tempDir('seal-county-');
  q3 = await sampleReport('2026Q3');
});

async function folderFor(edit: SealEdit): Promise<string> {
  const folder = path.join(dir, edit.name);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, '2026Q3.xlsx'), q3);
  const edited = await readWorkbook(await editedSample(edit, dir));
  writeFileSync(path.join(folder, '2026Q4.xlsx'), await sampleReport('2026Q4', edited));
  return folder;
}

describe('the county and the seal', () => {
  for (const edit of SEAL_EDITS)
    it(`names what "${edit.name}" did to the earlier quarter`, async () => {
      const run = await consolidateFiles([await folderFor(edit)], {
        quarter: '2026Q4',
        expected: null,
      });
      const [unit] = run.consolidation.units;
      expect(unit.seal).not.toBeNull();
      const seal = unit.seal!;
      expect({
        changed: seal.changed.length,
        deleted: seal.deleted.length,
        added: seal.added.length,
        corrected: seal.corrected.length,
      }).toEqual(edit.expect);
      const lines = run.lines.filter((l) => l.label === '核验');
      expect(lines).toHaveLength(
        edit.expect.changed + edit.expect.deleted + edit.expect.added + edit.expect.corrected,
      );
      if (edit.says) expect(lines[0].message).toContain(edit.says);
      expect(run.lines.find((l) => l.label === '核对')?.message).toContain(
        '用于核对该单位此前报送的记录',
      );
    });

  it('prints the changes and lists them in the 核验异常 sheet, exit 1', async () => {
    const folder = await folderFor(SEAL_EDITS.find((e) => e.name === 'points')!);
    const out = path.join(dir, 'out');
    const io = captureIo();
    const code = await main(
      ['county', folder, '--quarter', '2026Q4', '--out', out],
      io.out,
      io.err,
    );
    expect(code).toBe(1);
    expect(io.stdout()).toMatch(
      /^\[核验\] .*2026Q4\.xlsx：示例经开区党工委 \[已改动\] 记分台账 第42行 姚琳蕾（DY021） 2026-07-23 .*分值 -4 → -3/m,
    );
    expect(io.stdout()).toContain(
      '此前报送的记录有改动（见上方 [核验] 各行和汇总表“核验异常”）：示例经开区党工委',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, '县级汇总-2026Q4.xlsx'));
    const rows: unknown[][] = [];
    wb.getWorksheet('核验异常')!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows[2]).toEqual([
      '单位名称',
      '类别',
      '报送季度',
      '台账位置',
      '党员',
      '日期',
      '事项',
      '分值',
      '说明',
      '报送时校验码',
      '现校验码',
    ]);
    expect(rows.slice(3)).toHaveLength(1);
    expect(rows[3].slice(0, 6)).toEqual([
      '示例经开区党工委',
      '已改动',
      '2026Q3',
      '记分台账 第42行',
      '姚琳蕾（DY021）',
      '2026-07-23',
    ]);
    expect(rows[3][8]).toBe('分值 -4 → -3');
  });
});
