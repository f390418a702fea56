import { declareCommand } from './declaration.js';
import { SMTP_CONFIG } from './options.js';

export const serve = declareCommand({
  name: 'serve',
  usage: '[选项]',
  summary: '启动服务：网页工作台、加载项和清单、报表接口（见 docs/server.md）',
  options: {
    port: { type: 'string', value: '端口', example: '3000', help: '端口（默认 3000）' },
    host: {
      type: 'string',
      value: '地址',
      example: '127.0.0.1',
      help: '监听地址（默认 127.0.0.1，仅本机）',
    },
    cert: {
      type: 'string',
      value: '文件',
      example: 'cert.pem',
      help: '证书（PEM），与 --key 一起用（默认用本机生成的证书）',
    },
    key: {
      type: 'string',
      value: '文件',
      example: 'key.pem',
      help: '私钥（PEM），与 --cert 一起用',
    },
    http: { type: 'boolean', help: '不加密（HTTP），仅限本机地址' },
    token: {
      type: 'string',
      value: '令牌',
      example: '令牌',
      help: '全服务一个令牌（也可用环境变量 TWELVE_TOKEN）；此时服务器不代发邮件',
    },
    units: {
      type: 'string',
      value: '文件',
      example: 'units.json',
      help: '单位文件：各单位的令牌、上级党组织邮箱和邮件服务器',
    },
    ttl: {
      type: 'string',
      value: '时长',
      example: '1h',
      help: '任务文件保留多久后删除（默认 1h；如 30m、2h、3600）',
    },
    'body-limit': {
      type: 'string',
      value: 'MB',
      example: '50',
      help: '上传大小上限，单位 MB（默认 50）',
    },
    deadline: {
      type: 'string',
      value: '时长',
      example: '10m',
      help: '一个任务最长运行时间，超时即停止并报告（默认 10m）',
    },
    queue: {
      type: 'string',
      value: '个数',
      example: '50',
      help: '最多排队的任务数，满了回答"服务器正忙"（默认 50）',
    },
    state: {
      type: 'string',
      value: '目录',
      example: '目录',
      help: '发件箱和发送记录所在文件夹（默认 配置文件夹/serve）',
    },
    'smtp-config': { ...SMTP_CONFIG, help: `无单位文件时本机的发信设置：${SMTP_CONFIG.help}` },
    trust: {
      type: 'boolean',
      help: '让本机浏览器和 Excel 信任本服务的证书（仅当前用户），然后退出',
    },
    'public-url': {
      type: 'string',
      value: 'URL',
      example: 'https://twelve.example.gov.cn',
      help: '写进加载项清单的对外地址（默认用请求的主机名）',
    },
  },
  examples: [
    { command: 'twelve serve', what: '在本机 https://127.0.0.1:3000/ 启动' },
    {
      command: 'twelve serve --trust',
      what: '信任本机证书（仅当前用户），之后浏览器不再报证书错误',
    },
    {
      command:
        'twelve serve --host 0.0.0.0 --port 8443 --cert cert.pem --key key.pem --units units.json',
      what: '为多个单位在局域网上服务',
    },
  ],
  load: async () => (await import('../commands/serve.js')).runServe,
});
