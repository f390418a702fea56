// 末位 of a ranking: the last N with a balance above 0; a tie at the boundary marks all who
// share it. The monthly ranking and the 末位 obligations both take it from here.
export function markBottom<T extends { balance: number; bottom: boolean }>(
  rows: T[],
  n: number,
): void {
  if (n <= 0) return;
  const positive = rows.filter((r) => r.balance > 0).sort((a, b) => b.balance - a.balance);
  if (positive.length === 0) return;
  const cut = positive[Math.min(n, positive.length) - 1].balance;
  for (const r of positive) if (r.balance >= cut) r.bottom = true;
}
