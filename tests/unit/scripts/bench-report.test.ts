import { describe, expect, test } from 'vitest';
import { describeRun, markdownTable, replaceBlock, wantsWrite } from '../../../scripts/bench-report';

const doc = ['# Performance', '', '<!-- bench:form -->', 'not measured yet', '<!-- /bench:form -->', '', '<!-- size -->', 'old', '<!-- /size -->', ''].join('\n');

describe('replaceBlock', () => {
  test('replaces only the named block, keeping its markers and the rest of the document', () => {
    expect(replaceBlock(doc, 'bench:form', '| a |\n| --- |\n| 1 |\n')).toBe(
      ['# Performance', '', '<!-- bench:form -->', '| a |', '| --- |', '| 1 |', '<!-- /bench:form -->', '', '<!-- size -->', 'old', '<!-- /size -->', ''].join('\n'),
    );
  });

  test('writing the same block twice gives the same document', () => {
    const once = replaceBlock(doc, 'size', 'new');
    expect(replaceBlock(once, 'size', 'new')).toBe(once);
  });

  test('refuses a block whose markers are missing, reversed or repeated', () => {
    expect(() => replaceBlock(doc, 'bench:load', 'x')).toThrow('No block "<!-- bench:load -->"');
    expect(() => replaceBlock('<!-- /size -->\n<!-- size -->', 'size', 'x')).toThrow('No block');
    expect(() => replaceBlock(`${doc}\n<!-- size -->\n<!-- /size -->`, 'size', 'x')).toThrow('more than once');
  });
});

test('markdownTable writes a header, its rule and one line per row', () => {
  expect(markdownTable(['page', 'score'], [['/', '100'], ['/login', '99']])).toBe(
    '| page | score |\n| --- | --- |\n| / | 100 |\n| /login | 99 |',
  );
});

test('describeRun names the date, the commit (and whether it had changes) and the machine', () => {
  const run = { date: '2026-12-04', commit: 'f9f2c11', dirty: false, cores: 2, cpu: 'AMD EPYC 7B13' };
  expect(describeRun(run)).toBe('Measured 2026-12-04 at commit f9f2c11, on 2 cores (AMD EPYC 7B13).');
  expect(describeRun({ ...run, dirty: true })).toBe('Measured 2026-12-04 at commit f9f2c11 with uncommitted changes, on 2 cores (AMD EPYC 7B13).');
});

test('describeRun names the browser a page was measured in', () => {
  const run = { date: '2026-12-06', commit: '1858fe0', dirty: false, cores: 2, cpu: 'AMD EPYC', browser: 'Chromium 150.0.7871.100' };
  expect(describeRun(run)).toBe('Measured 2026-12-06 at commit 1858fe0, on 2 cores (AMD EPYC), in Chromium 150.0.7871.100.');
});

test('wantsWrite reads the --write flag', () => {
  expect(wantsWrite(['node', 'size.ts', '--no-build', '--write'])).toBe(true);
  expect(wantsWrite(['node', 'size.ts'])).toBe(false);
});
