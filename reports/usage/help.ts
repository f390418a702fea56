// The help text, made from the commands' declarations: what help says is what the parser takes.
import { displayWidth, padEnd } from '../text-table.js';
import type { CommandDeclaration, OptionDeclaration } from './declaration.js';

const INDENT = '  ';

/** `twelve help`: every command with its one line. */
export function globalHelp(commands: readonly CommandDeclaration[]): string {
  const width = Math.max(...commands.map((c) => displayWidth(c.name)));
  return [
    '用法: twelve <命令> [台账.xlsx] [选项]',
    '',
    '命令:',
    ...commands.map((c) => `${INDENT}${padEnd(c.name, width)}  ${c.summary}`),
    '',
    '运行 twelve <命令> --help 查看该命令的选项和示例，如 twelve score --help。',
    '不写台账文件时使用自带的示例台账。',
  ].join('\n');
}

function optionLabel(name: string, option: OptionDeclaration): string {
  return option.type === 'string' ? `--${name} <${option.value ?? '值'}>` : `--${name}`;
}

/** `twelve <command> --help`: its usage, options with their explanations, and examples. */
export function commandHelp(command: CommandDeclaration): string {
  const rows: [string, string][] = Object.entries(command.options).map(([name, option]) => [
    optionLabel(name, option),
    option.help,
  ]);
  rows.push(['-h, --help', '显示本帮助']);
  const width = Math.max(...rows.map(([label]) => displayWidth(label)));
  return [
    `用法: twelve ${command.name} ${command.usage}`,
    '',
    command.summary,
    ...(command.details ?? []),
    '',
    '选项:',
    ...rows.map(([label, help]) => `${INDENT}${padEnd(label, width)}  ${help}`),
    ...(command.examples.length > 0
      ? [
          '',
          '示例:',
          ...command.examples.flatMap((e) => [
            `${INDENT}${e.command}`,
            `${INDENT}${INDENT}${e.what}`,
          ]),
        ]
      : []),
  ].join('\n');
}
