// A workbook typed the messy way (text dates, 处置 typed "12", names separated by 、，and
// spaces, ids instead of names) scores exactly as the tidy one: members, obligations,
// notices, reviews and pending rows alike.
import { describe, expect, it } from 'vitest';
import { isoToExcelSerial, scoreWorkbook, type CellValue } from '../../core/index.js';
import { scoreJson } from '../../reports/print/score-json.js';
import { book, FULL_LEDGER_HEADER } from '../helpers/sheets.js';

const AS_OF = '2026-11-24';
const serial = (iso: string) => isoToExcelSerial(iso);

/** One workbook, typed two ways: `date` and `who` say how each cell is written. */
function unit(style: 'tidy' | 'messy') {
  const messy = style === 'messy';
  const date = (iso: string): CellValue => {
    if (!messy) return serial(iso);
    const [y, m, d] = iso.split('-').map(Number);
    return [`${y}年${m}月${d}日`, `${y}/${m}/${d}`, `${y}.${m}.${d}`][d % 3];
  };
  const who = (id: string, name: string): CellValue[] => (messy ? [id, ''] : ['', name]);
  const ledger: CellValue[][] = [
    [
      date('2026-03-02'),
      ...who('A01', '张三'),
      'R1',
      '',
      '',
      '已认定',
      '',
      date('2026-03-04'),
      date('2026-03-03'),
      '',
      '',
      '',
    ],
    [
      date('2026-04-10'),
      ...who('A02', '李四'),
      'W1',
      '诫勉谈话',
      messy ? '9分' : 9,
      '已认定',
      '',
      '',
      '',
      date('2026-04-20'),
      '撤销',
      date('2026-05-01'),
    ],
    [
      date('2026-06-01'),
      ...who('A03', '王五'),
      'M1',
      '通报',
      '',
      '已认定',
      '',
      date('2026-06-03'),
      '',
      date('2026-06-05'),
      '',
      '',
    ],
    [date('2026-10-20'), ...who('A04', '赵六'), 'W1', '廉政约谈', '', '', '', '', '', '', '', ''],
  ];
  const records: CellValue[][] = [
    [date('2026-03-10'), ...who('A01', '张三'), messy ? '12' : '不合格处置', '刘书记', '转化'],
    [date('2026-06-10'), ...who('A03', '王五'), messy ? 6 : '约谈提醒', '', ''],
    [date('2026-04-28'), ...who('A01', '张三'), messy ? '末位' : '末位约谈', '', ''],
  ];
  const names = (list: [string, string][], sep: string) =>
    list.map(([id, name]) => (messy ? id : name)).join(messy ? sep : '、');
  const attendance: CellValue[][] = [
    [
      date('2026-05-12'),
      '支部党员大会',
      '第一支部',
      names(
        [
          ['A04', '赵六'],
          ['A05', '孙七'],
        ],
        '，',
      ),
      names([['A02', '李四']], ''),
      '',
      date('2026-05-13'),
    ],
    [
      date('2026-07-01'),
      messy ? '主题党日' : '党员固定活动日',
      '',
      names(
        [
          ['A05', '孙七'],
          ['A04', '赵六'],
          ['A03', '王五'],
        ],
        ' 、',
      ),
      '',
      '',
      '',
    ],
  ];
  return book(ledger, { ledgerHeader: FULL_LEDGER_HEADER, records, attendance });
}

describe('a workbook typed the messy way', () => {
  it('gives the same result as the tidy one', () => {
    const tidy = scoreJson(scoreWorkbook(unit('tidy'), AS_OF));
    const messy = scoreJson(scoreWorkbook(unit('messy'), AS_OF));
    expect(tidy.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(messy).toEqual(tidy);
    // The comparison is worth something only if the unit exercises every part.
    expect(tidy.obligations.some((o) => o.state === 'done' && o.kind === 'unqualified')).toBe(true);
    expect(tidy.obligations.some((o) => o.state === 'done' && o.kind === 'bottom')).toBe(true);
    expect(tidy.reviews.map((r) => r.outcome)).toEqual(['revoked', null]);
    expect(tidy.notices.some((n) => n.sheet === '会议签到')).toBe(true);
    expect(tidy.pending.map((p) => p.memberId)).toEqual(['A04']);
    expect(tidy.members.find((m) => m.id === 'A05')!.balance).toBe(3);
  });
});
