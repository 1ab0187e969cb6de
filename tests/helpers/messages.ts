import fs from 'node:fs';
import path from 'node:path';
import type { Language } from '../../src/domain/languages.ts';
import { MESSAGE_AREAS } from '../../src/i18n/i18n.ts';

/** A message as the reader sees it in `language` (plain messages only), from whichever area has it. */
export function message(language: Language, id: string): string {
  for (const area of MESSAGE_AREAS) {
    const file = path.resolve(import.meta.dirname, `../../src/i18n/messages/${area}/${language}.json`);
    const catalog: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    const text = typeof catalog === 'object' && catalog !== null ? Object.entries(catalog).find(([key]) => key === id)?.[1] : undefined;
    if (typeof text === 'string') return text;
  }
  throw new Error(`No message ${id} in ${language}`);
}

/** A message with its placeholders filled, numbers as Intl writes them in `language` (no plurals). */
export function filled(language: Language, id: string, values: Readonly<Record<string, string | number>>): string {
  return message(language, id).replace(/\{(\w+)(, number)?\}/g, (_, name: string) => {
    const value = values[name];
    return typeof value === 'number' ? new Intl.NumberFormat(language).format(value) : String(value);
  });
}
