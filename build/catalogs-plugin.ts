/**
 * The message catalogs (src/i18n/messages/<area>/<language>.json, ICU text) compiled to Lingui's
 * compiled form as they are loaded, in every build and test run: the browser never parses ICU,
 * and Lingui's production build carries no compiler (docs/decisions/0021). What comes out is
 * still JSON, so Vite's own JSON plugin makes the module of it.
 */
import fs from 'node:fs';
import { compileMessageOrThrow } from '@lingui/message-utils/compileMessage';
import type { Plugin } from 'vite';

/** A message catalog's module id (src/i18n/messages/<area>/<language>.json). */
export const CATALOG = /\/src\/i18n\/messages\/[^/]+\/[^/]+\.json$/;

/** A catalog's text compiled: each message's ICU parsed once, here. Throws on a malformed message. */
export function compileCatalog(json: string, file: string): string {
  const source: unknown = JSON.parse(json);
  if (typeof source !== 'object' || source === null) throw new Error(`${file}: a catalog is an object of messages.`);
  const compiled = Object.entries(source).map(([id, message]) => {
    if (typeof message !== 'string') throw new Error(`${file}: message ${id} is not text.`);
    try {
      return [id, compileMessageOrThrow(message)] as const;
    } catch (error) {
      throw new Error(`${file}: message ${id} is not valid ICU: ${String(error)}`, { cause: error });
    }
  });
  return JSON.stringify(Object.fromEntries(compiled));
}

export function catalogsPlugin(): Plugin {
  return {
    name: 'visitor-opinions:catalogs',
    enforce: 'pre',
    load(id) {
      const file = id.replace(/\?.*$/, '');
      if (!CATALOG.test(file)) return null;
      this.addWatchFile(file);
      return compileCatalog(fs.readFileSync(file, 'utf8'), file);
    },
  };
}
