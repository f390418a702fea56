// The template layer alone (no browser): strict fields, escaping, the sealed document.
import { describe, expect, it } from 'vitest';
import { compileTemplates, TemplateError } from '../render/card-html.js';
import { readTemplateSources } from '../reports/cards/template-folder.js';
import { noticeCards, parseWorkbook, score } from '../core/index.js';
import { cardSheets } from './helpers/card-fixture.js';

const card = noticeCards(
  score(parseWorkbook(cardSheets().map((s) => ({ name: s.name, rows: s.rows }))), '2026-11-24'),
)[0];

function withNotice(notice: string) {
  const sources = readTemplateSources();
  return compileTemplates({ ...sources, templates: { ...sources.templates, notice } });
}

describe('card templates', () => {
  it('escape every value the data brings', () => {
    const html = compileTemplates(readTemplateSources()).card('notice', {
      ...card.view,
      member: { ...card.view.member, name: '<script>alert(1)</script>' },
      entry: { ...card.view.entry, facts: '"><img src=x onerror=alert(2)>' },
    });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('name a missing field even where it is only tested by {{#if}}', () => {
    const t = withNotice('<p>\n\n{{#if rewrad}}奖励{{/if}}</p>');
    expect(() => t.card('notice', card.view)).toThrow(TemplateError);
    expect(() => t.card('notice', card.view)).toThrow('notice.hbs 第3行');
  });

  it('refuse a template folder that is not there', () => {
    expect(() => readTemplateSources('/nowhere/模板')).toThrow('模板文件夹"/nowhere/模板"不存在');
  });

  it('wrap cards in a document that allows no script and no outside load', () => {
    const sources = readTemplateSources();
    const t = compileTemplates({ ...sources, css: ['p{}</style><script>alert(1)</script>'] });
    const doc = t.document([t.card('notice', card.view)]);
    expect(doc).toContain(
      `content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:"`,
    );
    expect(doc).not.toContain('</style><script>');
  });
});
