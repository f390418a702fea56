// `twelve verify`: the sample's ledger, edited each way a clerk could after its 2026Q3 report
// went up, against that report (a real .xlsx, and a real .eml holding it), through the CLI.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../reports/cli.js';
import { captureIo } from '../helpers/io.js';
import { editedSample, sampleReport, SEAL_EDITS } from '../helpers/seal-edits.js';
import { tempDir } from '../helpers/workbook.js';

let dir: string;
let report: string;

beforeAll(async () => {
  dir = tempDir('seal-verify-');
  report = path.join(dir, '示例经开区党工委 2026年第三季度记分汇总表.xlsx');
  writeFileSync(report, await sampleReport('2026Q3'));
});

async function verify(args: string[]) {
  const io = captureIo();
  const code = await main(['verify', ...args], io.out, io.err);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('twelve verify', () => {
  for (const edit of SEAL_EDITS)
    it(`names exactly what "${edit.name}" changed`, async () => {
      const file = await editedSample(edit, dir);
      const { code, out } = await verify([file, '--against', report, '--json']);
      const json = JSON.parse(out);
      expect({
        changed: json.changed.length,
        deleted: json.deleted.length,
        added: json.added.length,
        corrected: json.corrected.length,
      }).toEqual(edit.expect);
      const broken = edit.expect.changed + edit.expect.deleted + edit.expect.added;
      expect(code).toBe(broken > 0 ? 1 : 0);
      const all = [...json.changed, ...json.deleted, ...json.added, ...json.corrected];
      if (edit.says) expect(all[0].message).toContain(edit.says);
      for (const item of all) {
        expect(item.sheet).toBe('记分台账');
        expect(item.row).toBeGreaterThan(3);
      }
      // Every entry the report sealed is accounted for.
      expect(
        json.unchanged + json.changed.length + json.deleted.length + json.corrected.length,
      ).toBe(73);
    });

  it('prints one Chinese line per difference, naming sheet, row, member and date', async () => {
    const points = await editedSample(
      SEAL_EDITS.find((e) => e.name === 'points')!,
      dir,
    );
    const { code, out } = await verify([points, '--against', report]);
    expect(code).toBe(1);
    const lines = out.trim().split('\n');
    expect(lines[0]).toMatch(
      /^\[已改动\] 记分台账 第42行 姚琳蕾（DY021） 2026-07-23 J2 .* -3分：分值 -4 → -3（2026Q3 报送时校验码 [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}，现为 /,
    );
    expect(lines[1]).toBe(
      '与 1 份报送（2026Q3）核对：未改动 72 条，已改动 1 条，已删除 0 条，补录 0 条，按规定更正 0 条',
    );
    const deleted = await editedSample(
      SEAL_EDITS.find((e) => e.name === 'deleted row')!,
      dir,
    );
    const gone = await verify([deleted, '--against', report]);
    expect(gone.out).toContain('[已删除] 记分台账 第33行（报送时） 郝岚（DY016） 2026-06-04');
    const added = await editedSample(
      SEAL_EDITS.find((e) => e.name === 'back-dated row')!,
      dir,
    );
    expect((await verify([added, '--against', report])).out).toContain(
      '[补录] 记分台账 第57行 张华（DY013） 2026-08-20',
    );
  });

  it('reads the report from a saved mail, and from a folder with the earlier quarter beside it', async () => {
    const mails = path.join(dir, 'mails');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(mails);
    for (const quarter of ['2026Q2', '2026Q3']) {
      const mail = new MailComposer({
        from: 'unit@example.cn',
        to: 'county@example.cn',
        subject: `${quarter} 记分汇总`,
        text: '附件',
        attachments: [{ filename: `${quarter}.xlsx`, content: await sampleReport(quarter) }],
      });
      writeFileSync(path.join(mails, `${quarter}.eml`), await mail.compile().build());
    }
    const facts = await editedSample(
      SEAL_EDITS.find((e) => e.name === 'facts')!,
      dir,
    );
    const single = await verify([facts, '--against', path.join(mails, '2026Q3.eml'), '--json']);
    expect(JSON.parse(single.out).changed).toHaveLength(1);
    // A Q2 entry changed now differs from both reports: named once, against the earlier.
    const date = await editedSample(
      {
        name: 'q2 points',
        edit: (ws) => (ws.getRow(34).getCell(4).value = 'R1'),
        expect: SEAL_EDITS[0].expect,
      },
      dir,
    );
    const both = await verify([date, '--against', mails]);
    expect(both.out).toContain('与 2 份报送（2026Q2、2026Q3）核对');
    expect(both.out.match(/^\[/gm) ?? []).toHaveLength(0);
    const pts = await editedSample(
      {
        name: 'q2 facts',
        edit: (ws) => (ws.getRow(34).getCell(8).value = '改过的说明'),
        expect: SEAL_EDITS[0].expect,
      },
      dir,
    );
    const twice = await verify([pts, '--against', mails]);
    expect(twice.code).toBe(1);
    expect(twice.out.match(/^\[已改动\]/gm)).toHaveLength(1);
    expect(twice.out).toContain('（2026Q2 报送时校验码');
  });

  it('says what is wrong with the input, exit 2', async () => {
    const none = await verify([report]);
    expect(none.code).toBe(2);
    expect(none.err).toContain('请用 --against 指定');
    const other = path.join(dir, 'plain.txt');
    writeFileSync(other, 'x');
    const bad = await verify([report.replace('.xlsx', '-none.xlsx'), '--against', other]);
    expect(bad.code).toBe(2);
    const wrong = await verify(['--against', other]);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('没有本单位"示例经开区党工委"可核对的季度汇总表');
    expect(wrong.err).toContain('plain.txt：不是邮件');
  });
});
