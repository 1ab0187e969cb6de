/** The HTML of every email the server writes: the language's direction, a button-like link, plain paragraphs. */
import { LANGUAGES, type Language } from '../src/domain/languages.ts';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

export interface MailLink {
  readonly href: string;
  readonly label: string;
}

export interface MailDocument {
  readonly language: Language;
  readonly subject: string;
  readonly before: readonly string[];
  readonly link: MailLink;
  /** Paragraphs after the link, each with a link of its own when given. */
  readonly after: readonly (string | { readonly text: string; readonly link: MailLink })[];
}

const paragraph = (text: string) => `<p>${escapeHtml(text)}</p>`;
const anchor = ({ href, label }: MailLink) => `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;

/** The email as plain text (each link on a line of its own) and as HTML, right to left in Arabic. */
export function mailDocument({ language, subject, before, link, after }: MailDocument): { text: string; html: string } {
  const text = [
    ...before,
    link.href,
    ...after.map((part) => (typeof part === 'string' ? part : `${part.text}\n${part.link.href}`)),
  ].join('\n\n');
  const html = `<!doctype html>
<html lang="${language}" dir="${LANGUAGES[language].dir}">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: system-ui, sans-serif; line-height: 1.5;">
${before.map(paragraph).join('\n')}
<p>${anchor(link)}</p>
${after.map((part) => (typeof part === 'string' ? paragraph(part) : `<p>${escapeHtml(part.text)} ${anchor(part.link)}</p>`)).join('\n')}
</body>
</html>
`;
  return { text, html };
}
