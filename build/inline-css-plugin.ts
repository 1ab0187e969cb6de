/**
 * Puts the app's own stylesheet into the HTML pages as a `<style>` element. A stylesheet link
 * blocks the first paint for one more round trip, on a phone's network the longest wait before
 * the prerendered form shows; this stylesheet is 2 KB gzipped, less than that round trip
 * carries. The static-host plugin allows it in the CSP by its hash, and lazily loaded pages
 * keep their own stylesheet files.
 */
import type { Plugin, Rolldown } from 'vite';
import { bundlePlugin } from './bundle-plugin.ts';

/**
 * Replaces each `<link rel="stylesheet">` whose CSS `cssOf` knows with that CSS in a `<style>`;
 * `inlined` receives the links' hrefs.
 */
export function inlineStylesheets(html: string, cssOf: (href: string) => string | undefined, inlined = new Set<string>()): string {
  return html.replace(/<link\b[^>]*>/gi, (tag) => {
    if (!/\brel\s*=\s*["']?stylesheet\b/i.test(tag)) return tag;
    const href = /\bhref\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    const css = href === undefined ? undefined : cssOf(href);
    // CSS that could close the element early stays a file.
    if (href === undefined || css === undefined || /<\/style/i.test(css)) return tag;
    inlined.add(href);
    return `<style>${css}</style>`;
  });
}

/** The bundle's file an HTML page's href names. */
function fileNameOf(href: string, base: string): string {
  return href.startsWith(base) ? href.slice(base.length) : href.replace(/^\.?\//, '');
}

function cssInBundle(bundle: Rolldown.OutputBundle, base: string) {
  return (href: string): string | undefined => {
    const fileName = fileNameOf(href, base);
    const asset = bundle[fileName];
    return asset?.type === 'asset' && fileName.endsWith('.css') ? String(asset.source).trim() : undefined;
  };
}

/**
 * Step 1 of build/html-pipeline.ts: the steps after it copy and hash the HTML it leaves.
 *
 * The inlined stylesheet is then no chunk's any more, nor a file: Vite would otherwise list it
 * among the dependencies of every dynamic import reaching the entry (the Parse SDK's, the
 * session's), and its preload helper, finding no `<link>` for it, would fetch it, apply every
 * rule a second time (a restyle of the whole page) and hold the import until it came.
 */
export function inlineCssPlugin(): Plugin {
  return bundlePlugin('inline-css', (bundle, config) => {
    const hrefs = new Set<string>();
    for (const file of Object.values(bundle)) {
      if (file.type !== 'asset' || !file.fileName.endsWith('.html')) continue;
      file.source = inlineStylesheets(String(file.source), cssInBundle(bundle, config.base), hrefs);
    }
    const inlined = [...hrefs].map((href) => fileNameOf(href, config.base));
    for (const file of Object.values(bundle)) {
      if (file.type === 'chunk') inlined.forEach((css) => file.viteMetadata?.importedCss.delete(css));
    }
    inlined.forEach((css) => delete bundle[css]);
  });
}
