import { describe, expect, test } from 'vitest';
import { shellInEveryLanguage } from '../../../build/prerender-plugin';
import { showShellInLanguage } from '../../../src/app/shell-language-script';
import type { Language } from '../../../src/domain/languages';

const shellIn = (language: Language, loading: string) => ({
  html: `<main id="main"><p>${loading}</p></main><a href="/${language}/__shell__?lang=${language}" hreflang="${language}">${language}</a>`,
  title: null,
  description: loading,
});

describe('the deep links’ shell in every language', () => {
  const shell = shellInEveryLanguage(
    new Map<Language, ReturnType<typeof shellIn>>([
      ['en', shellIn('en', 'Loading…')],
      ['es', shellIn('es', 'Cargando…')],
      ['ar', shellIn('ar', 'جارٍ التحميل…')],
    ]),
  );

  test('is the default language’s, with the others in templates, and language links to this page', () => {
    expect(shell.description).toBe('Loading…');
    expect(shell.html).toBe(
      '<main id="main"><p>Loading…</p></main><a href="?lang=en" hreflang="en">en</a>' +
        '<template data-shell-language="es"><main id="main"><p>Cargando…</p></main><a href="?lang=es" hreflang="es">es</a></template>' +
        '<template data-shell-language="ar"><main id="main"><p>جارٍ التحميل…</p></main><a href="?lang=ar" hreflang="ar">ar</a></template>',
    );
  });

  test.each([
    ['es', 'Cargando…'],
    ['ar', 'جارٍ التحميل…'],
    ['en', 'Loading…'],
  ])('its script shows it in the page’s language (%s), and only that', (language, loading) => {
    document.body.innerHTML = `<div id="root">${shell.html}</div>`;
    document.documentElement.lang = language;
    showShellInLanguage();
    expect(document.querySelectorAll('main')).toHaveLength(1);
    expect(document.querySelector('main')?.textContent).toBe(loading);
  });
});
