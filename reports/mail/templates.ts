// The mail's words live in templates/mail/*.hbs so a clerk's office can reword them without
// touching code. Every template is strict: a field the model lacks is an error, not a blank.
import { headerText } from '../safe-names.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { TEMPLATES_DIR } from '../paths.js';

export const MAIL_TEMPLATES_DIR = path.join(TEMPLATES_DIR, 'mail');

export interface MailText {
  subject: string;
  text: string;
  html: string;
}

type Render = (model: object) => string;

const cache = new Map<string, Render>();
const handlebars = Handlebars.create();

/**
 * Renders `<name>.subject.txt.hbs`, `<name>.txt.hbs` and `<name>.html.hbs` with one model.
 * Only the HTML part is HTML-escaped: the subject and the plain text are not HTML, and
 * escaping them would put "&amp;" into a unit's name.
 */
export function renderMail(name: string, model: object): MailText {
  const subject = headerText(template(`${name}.subject.txt.hbs`, false)(model));
  return {
    subject,
    text: template(`${name}.txt.hbs`, false)(model),
    html: template(`${name}.html.hbs`, true)({ ...model, subject }),
  };
}

function template(file: string, html: boolean): Render {
  let render = cache.get(file);
  if (!render) {
    const source = readFileSync(path.join(MAIL_TEMPLATES_DIR, file), 'utf8');
    render = handlebars.compile(source, { strict: true, noEscape: !html });
    cache.set(file, render);
  }
  return render;
}
