// The number formats Excel with Chinese (zh-CN) regional settings reports for the built-in
// format ids that a file stores without a format code (styles.xml names only numFmtId). ECMA-376
// leaves ids 27–36 and 50–58 to the locale; exceljs ships the zh-CN codes, which are used here,
// and 14 and 22 follow the zh-CN short date (yyyy/m/d). Known difference: no real Excel was at
// hand to confirm the exact strings; what the core needs from them is only "this is a date".
import defaultNumFormats from 'exceljs/lib/xlsx/defaultnumformats.js';

const ZH_CN: Record<number, string> = { 14: 'yyyy/m/d', 22: 'yyyy/m/d h:mm' };
for (const [id, entry] of Object.entries(
  defaultNumFormats as Record<string, Record<string, string>>,
))
  if (entry['zh-cn']) ZH_CN[Number(id)] = entry['zh-cn'];

export const ZH_CN_BUILT_IN_FORMATS: Readonly<Record<number, string>> = ZH_CN;
