// `twelve init <台账.xlsx>`: writes a blank roster workbook to start from. Never overwrites a
// file unless told to with --force.
import { writeFile } from 'node:fs/promises';
import { parseCommandArgs, UsageError, type Io } from '../command.js';
import { init as declared } from '../usage/init.js';
import { blankWorkbook } from '../../core/index.js';
import { blankWorkbookBuffer } from '../write-blank.js';
import { fileProblem } from '../file-errors.js';

export async function runInit(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, declared.options);
  if (positionals.length !== 1)
    throw new UsageError('请指定一个要新建的台账文件，如：twelve init 记分台账.xlsx');
  const file = positionals[0];
  if (!/\.xlsx$/i.test(file))
    throw new UsageError(`文件名"${file}"须以 .xlsx 结尾（Excel 工作簿）`);

  const sheets = blankWorkbook();
  const bytes = await blankWorkbookBuffer(sheets);
  try {
    // 'wx' fails if the file exists, so a clerk's workbook is never replaced by accident.
    await writeFile(file, bytes, { flag: values.force ? 'w' : 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err.write(`错误：${writeProblem(code, file)}\n`);
    return 2;
  }
  io.out.write(
    `已新建空白台账"${file}"，共 ${sheets.length} 张工作表：${sheets.map((s) => s.name).join('、')}` +
      `（${sheets
        .filter((s) => s.rows.length > 0)
        .map((s) => s.name)
        .join('、')}已填好默认内容，可按本单位情况修改）。\n` +
      '下一步：在"党员名册"填写党员，在"设置"填写单位名称和上级党组织邮箱，然后在"记分台账"逐条登记。\n',
  );
  return 0;
}

function writeProblem(code: string | undefined, file: string): string {
  switch (code) {
    case 'EEXIST':
      return `文件"${file}"已存在，没有覆盖。换一个文件名，或确需覆盖时加 --force`;
    case 'ENOENT':
      return `无法写入"${file}"：所在文件夹不存在`;
    case 'EACCES':
    case 'EPERM':
    case 'EBUSY':
      return `无法写入"${file}"：没有写入权限，或文件正在 Excel 中打开（请先关闭）`;
    case 'EISDIR':
      return `"${file}"是一个文件夹，请指定 .xlsx 文件名`;
    default:
      return fileProblem({ code }, file, 'write');
  }
}
