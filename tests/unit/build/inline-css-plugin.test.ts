import { describe, expect, test } from 'vitest';
import { inlineStylesheets } from '../../../build/inline-css-plugin';

describe('inlining the stylesheet', () => {
  const css = (href: string) => (href === '/app/assets/index-a.css' ? 'body{margin:0}' : undefined);

  test('a known stylesheet link becomes a style element; other links stay', () => {
    const html =
      '<link rel="icon" href="/favicon.svg"><link rel="stylesheet" crossorigin href="/app/assets/index-a.css">' +
      '<link rel="modulepreload" href="/app/assets/x.js"><link rel="stylesheet" href="https://cdn.example/other.css">';
    expect(inlineStylesheets(html, css)).toBe(
      '<link rel="icon" href="/favicon.svg"><style>body{margin:0}</style>' +
        '<link rel="modulepreload" href="/app/assets/x.js"><link rel="stylesheet" href="https://cdn.example/other.css">',
    );
  });

  test('CSS that would close the style element stays a file', () => {
    const html = '<link rel="stylesheet" href="/a.css">';
    expect(inlineStylesheets(html, () => 'a::after{content:"</style>"}')).toBe(html);
  });
});
