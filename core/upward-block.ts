// Nothing goes upward from a misread workbook (domain.md): while a structure problem leaves
// rows unread, the upward card, the mail and the county's input are not made. Row errors do
// not block; the upward documents say how many rows were left out.
import type { Problem } from './problem-types.js';

/**
 * Why no upward document may be made from a reading with these problems, as one Chinese line;
 * null where nothing stands in the way. Every producer of an upward document asks this.
 */
export function upwardBlock(problems: readonly Problem[]): string | null {
  const structure = problems.filter((p) => p.structure);
  if (structure.length === 0) return null;
  const first = structure[0];
  const more = structure.length > 1 ? `（另有 ${structure.length - 1} 处工作表问题）` : '';
  return (
    `台账的工作表有问题，部分记录未读取，不生成报上级的汇总：工作表"${first.sheet}"：${first.message}${more}；` +
    `${first.fix}，改正后重新运行（twelve score 列出全部问题）`
  );
}
