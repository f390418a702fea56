import { declareCommand } from './declaration.js';

export const init = declareCommand({
  name: 'init',
  usage: '<台账.xlsx> [--force]',
  summary: '新建空白台账（含下拉列表；不覆盖已有文件）',
  options: {
    force: { type: 'boolean', help: '文件已存在时也覆盖（原文件的内容会丢失）' },
  },
  examples: [{ command: 'twelve init 记分台账.xlsx', what: '新建一个空白台账' }],
  load: async () => (await import('../commands/init.js')).runInit,
});
