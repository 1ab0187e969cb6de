import { describe, expect, test } from 'vitest';
import { accountMail, type AccountMailKind } from '../../../server/account-mail';
import { LANGUAGE_CODES } from '../../../src/domain/languages';

const LINK = 'https://parse.example/parse/apps/app/verify_email?token=abc';
const KINDS: readonly AccountMailKind[] = ['verify', 'reset'];

const mail = (kind: AccountMailKind, language: unknown, username = 'maria') =>
  accountMail({ kind, appName: 'Visitor Opinions', link: LINK, username, email: 'maria@example.com', language });

/** The app's name as each language's pages say it (src/i18n/messages/shell/). */
const APP_NAMES = { en: 'Visitor Opinions', es: 'Opiniones de visitantes', fr: 'Avis des visiteurs', ar: 'آراء الزوار' } as const;

describe.each(LANGUAGE_CODES)('in %s', (language) => {
  test.each(KINDS)('the %s mail greets the user, names the app in the language, carries the link with it, and is HTML in it', (kind) => {
    const { subject, text, html } = mail(kind, language);
    expect(subject).toContain(APP_NAMES[language]);
    expect(text).toContain('maria');
    expect(text).toContain(`${LINK}&locale=${language}`);
    expect(html).toContain(`<html lang="${language}" dir="${language === 'ar' ? 'rtl' : 'ltr'}">`);
    expect(html).toContain(`href="${LINK}&amp;locale=${language}"`);
  });

  test('the two mails differ', () => {
    expect(mail('verify', language).subject).not.toBe(mail('reset', language).subject);
  });
});

test.each([
  ['no language', undefined],
  ['one the app does not speak', 'de'],
  ['a number', 3],
])('with %s: English, and the link without a language (the device decides)', (_case, language) => {
  const { subject, text, html } = mail('verify', language);
  expect(subject).toBe('Verify your e-mail for Visitor Opinions');
  expect(text).toContain(`\n\n${LINK}\n\n`);
  expect(html).toContain('<html lang="en" dir="ltr">');
});

test('a name of the operator’s own (APP_NAME) is kept in every language', () => {
  const { subject } = accountMail({ kind: 'verify', appName: 'Museo del Prado', link: LINK, username: 'maria', email: '', language: 'fr' });
  expect(subject).toContain('Museo del Prado');
});

test('what the user typed is escaped in the HTML', () => {
  const { html } = mail('reset', 'en', '<b>x</b>');
  expect(html).toContain('Hi &lt;b&gt;x&lt;/b&gt;,');
  expect(html).not.toContain('<b>x</b>');
});
