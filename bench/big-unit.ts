// A large unit in plain arrays for the add-in's size tests and bench: `members` roster rows and
// `entries` ledger rows (dates as Excel serials with a date format, as Office.js gives them),
// made by a seeded generator so every run sees the same workbook.
/** A cell as Office.js `values` gives it. */
export type Scalar = string | number | boolean;

export interface BigUnit {
  name: string;
  values: Scalar[][];
  formats: string[][];
}

const ITEMS: [string, string][] = [
  ['P1', '无故缺席'],
  ['P1', '请假'],
  ['P2', '无故缺席'],
  ['P2', '请假'],
  ['J1', ''],
  ['J1', ''],
  ['J1', ''],
  ['W1', '廉政约谈'],
];

export function bigUnit(members = 5000, entries = 100_000, seed = 12): BigUnit[] {
  let s = seed;
  const rand = (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
  const roster: Scalar[][] = [['编号', '姓名', '支部', '职务', '邮箱', '状态']];
  for (let i = 1; i <= members; i++) {
    const id = `D${String(i).padStart(5, '0')}`;
    roster.push([id, `党员${i}`, `第${(i % 40) + 1}支部`, '科员', `${id}@example.cn`, '在册']);
  }
  const ledger: Scalar[][] = [['日期', '编号', '姓名', '事项', '情形', '分值', '状态', '说明']];
  const ledgerFormats: string[][] = [ledger[0].map(() => 'General')];
  const start = 45658; // 2025-01-01
  for (let i = 0; i < entries; i++) {
    const m = 1 + rand(members);
    const [code, variant] = ITEMS[rand(ITEMS.length)];
    ledger.push([
      start + rand(690),
      `D${String(m).padStart(5, '0')}`,
      `党员${m}`,
      code,
      variant,
      code === 'J1' ? -2 : '',
      '已认定',
      `第${i + 1}条`,
    ]);
    ledgerFormats.push(['yyyy-mm-dd', '@', '@', '@', '@', 'General', '@', '@']);
  }
  return [
    { name: '党员名册', values: roster, formats: roster.map((r) => r.map(() => '@')) },
    { name: '记分台账', values: ledger, formats: ledgerFormats },
  ];
}
