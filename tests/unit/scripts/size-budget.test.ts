import { describe, expect, test } from 'vitest';
import { budgetsOf, checkBudget, scriptsOfHtml, toDistPath, withStaticImports, type Manifest } from '../../../scripts/size-budget';

const manifest: Manifest = {
  'index.html': {
    file: 'assets/index-a.js',
    isEntry: true,
    imports: ['_shared-b.js'],
    dynamicImports: [
      'node_modules/parse/index.js',
      'src/queries/outbox.ts',
      '_shell-o.js',
      'src/pages/dashboard-page.tsx',
    ],
  },
  '_shared-b.js': { file: 'assets/shared-b.js', imports: ['_runtime-c.js'] },
  '_runtime-c.js': { file: 'assets/runtime-c.js' },
  'node_modules/parse/index.js': { file: 'assets/parse-d.js', isDynamicEntry: true, imports: ['_runtime-c.js', 'index.html'] },
  'src/pages/dashboard-page.tsx': { file: 'assets/dashboard-page-e.js', isDynamicEntry: true, imports: ['_shared-b.js', '_chart-f.js'] },
  '_chart-f.js': { file: 'assets/chart-f.js' },
  // The visitor's page and its modules (build/page-chunk-plugin.ts): a chunk with no module of its name.
  '_visitor-g.js': { file: 'assets/visitor-g.js', name: 'visitor', imports: ['_form-h.js'] },
  '_form-h.js': { file: 'assets/form-h.js', imports: ['_shared-b.js'] },
  'src/queries/outbox.ts': { file: 'assets/outbox-i.js', isDynamicEntry: true, imports: ['_shared-b.js'] },
  // What the shell loads after itself on every page, in one chunk (build/page-chunk-plugin.ts).
  '_shell-o.js': { file: 'assets/shell-o.js', name: 'shell', imports: ['_shared-b.js'] },
};

const html = `<html><head>
  <script type="module" crossorigin src="/app/assets/index-a.js"></script>
  <link rel="modulepreload" crossorigin href="/app/assets/shared-b.js">
  <link rel="stylesheet" href="/app/assets/index.css">
  <script type="application/json">{"not":"code"}</script>
  <script>window.early = 1</script>
</head><body><div id="root"></div></body></html>`;

describe('size budgets', () => {
  test('reads module scripts, modulepreloads and inline scripts from the HTML, not data or styles', () => {
    expect(scriptsOfHtml(html)).toEqual({
      files: ['/app/assets/index-a.js', '/app/assets/shared-b.js'],
      inline: ['window.early = 1'],
    });
  });

  test('maps URLs under the base to dist paths', () => {
    expect(toDistPath('/app/assets/index-a.js', '/app/')).toBe('assets/index-a.js');
    expect(toDistPath('https://cdn.example/assets/x.js?v=1', '/')).toBe('assets/x.js');
  });

  test('follows static imports once each, through cycles', () => {
    expect(withStaticImports(manifest, ['node_modules/parse/index.js'])).toEqual([
      'node_modules/parse/index.js',
      '_runtime-c.js',
      'index.html',
      '_shared-b.js',
    ]);
  });

  test('critical, after idle and dashboard count what each needs, each file once', () => {
    const shell = html.replace('window.early = 1', 'window.deepLink = 1');
    const [critical, afterIdle, dashboard] = budgetsOf(manifest, html, '/app/', shell);
    expect(new Set(critical?.files)).toEqual(new Set(['assets/index-a.js', 'assets/shared-b.js', 'assets/runtime-c.js']));
    // After idle: the shell's lazy parts and the page of / (not other pages, not the Parse SDK).
    expect(new Set(afterIdle?.files)).toEqual(
      new Set([...(critical?.files ?? []), 'assets/outbox-i.js', 'assets/shell-o.js', 'assets/visitor-g.js', 'assets/form-h.js']),
    );
    expect(new Set(dashboard?.files)).toEqual(
      new Set([...(critical?.files ?? []), 'assets/parse-d.js', 'assets/dashboard-page-e.js', 'assets/chart-f.js']),
    );
    expect(critical?.inline).toEqual(['window.early = 1']);
    // The dashboard is a deep link: the shell's inline scripts are its own.
    expect(dashboard?.inline).toEqual(['window.deepLink = 1']);
  });

  test('each budget counts the messages the inline scripts load with its code: each area in its largest language', () => {
    const withCatalogs: Manifest = {
      ...manifest,
      'src/i18n/messages/shell/en.json': { file: 'assets/en-j.js', isDynamicEntry: true },
      'src/i18n/messages/shell/ar.json': { file: 'assets/ar-k.js', isDynamicEntry: true },
      'src/i18n/messages/visitor/en.json': { file: 'assets/en-l.js', isDynamicEntry: true },
      'src/i18n/messages/visitor/es.json': { file: 'assets/es-m.js', isDynamicEntry: true },
      'src/i18n/messages/staff/fr.json': { file: 'assets/fr-n.js', isDynamicEntry: true },
    };
    const sizes: Record<string, number> = { 'assets/en-j.js': 300, 'assets/ar-k.js': 400, 'assets/en-l.js': 500, 'assets/es-m.js': 450 };
    const [critical, afterIdle, dashboard] = budgetsOf(withCatalogs, html, '/app/', html, (file) => sizes[file] ?? 1000);
    const catalogsOf = (files: readonly string[] = []) => files.filter((file) => /^assets\/[a-z]{2}-/.test(file));
    expect(catalogsOf(critical?.files)).toEqual(['assets/ar-k.js']);
    expect(catalogsOf(afterIdle?.files)).toEqual(['assets/ar-k.js', 'assets/en-l.js']);
    expect(catalogsOf(dashboard?.files)).toEqual(['assets/ar-k.js', 'assets/fr-n.js']);
  });

  test('a budget is over when its gzipped total passes the limit', () => {
    const budget = { name: 'b', limitKB: 2, files: ['a', 'b', 'a'], inline: ['x'] };
    expect(checkBudget(budget, () => 1024, () => 0)).toEqual({ name: 'b', limitKB: 2, gzipKB: 2, ok: true });
    expect(checkBudget(budget, () => 1024, () => 103)).toMatchObject({ gzipKB: 2.1, ok: false });
  });
});
