/**
 * The catalog check (CI runs it with the unit tests): every message in every language, no id
 * that the code does not use, valid ICU everywhere, and the same placeholders in each language.
 */
import fs from 'node:fs';
import path from 'node:path';
import { compileMessageOrThrow, type CompiledMessage } from '@lingui/message-utils/compileMessage';
import { describe, expect, test } from 'vitest';
import { APP_ERROR_KINDS } from '../../../src/domain/errors';
import { KIOSK_PROBLEMS } from '../../../src/domain/kiosk';
import { LANGUAGES } from '../../../src/domain/languages';
import { OPINION_PROBLEMS } from '../../../src/domain/opinion';
import { VENUE_PROBLEMS } from '../../../src/domain/venue';
import { MESSAGE_AREAS } from '../../../src/i18n/i18n';

const root = path.resolve(import.meta.dirname, '../../..');
const messagesDir = path.join(root, 'src/i18n/messages');

function catalog(area: string, language: string): Record<string, string> {
  const parsed: unknown = JSON.parse(fs.readFileSync(path.join(messagesDir, area, `${language}.json`), 'utf8'));
  if (typeof parsed !== 'object' || parsed === null) throw new Error(`${area}/${language}.json is not an object.`);
  return Object.fromEntries(Object.entries(parsed).map(([id, message]) => [id, String(message)]));
}

/** The placeholders of a compiled message, with their ICU type: `count:plural`, `email`. */
function placeholders(message: CompiledMessage, into = new Set<string>()): Set<string> {
  for (const token of message) {
    if (typeof token === 'string') continue;
    const [name, type, format] = token;
    into.add(type ? `${name}:${type}` : name);
    if (format && typeof format === 'object') {
      for (const [key, choice] of Object.entries(format)) if (key !== 'offset' && Array.isArray(choice)) placeholders(choice, into);
    }
  }
  return into;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const languages = Object.keys(LANGUAGES);
const english = Object.fromEntries(MESSAGE_AREAS.map((area) => [area, catalog(area, 'en')]));

describe.each(MESSAGE_AREAS)('the %s messages', (area) => {
  const ids = Object.keys(english[area] ?? {});

  test.each(languages)('%s has every message, and nothing else', (language) => {
    const messages = catalog(area, language);
    expect(Object.keys(messages).sort()).toEqual([...ids].sort());
    for (const [id, message] of Object.entries(messages)) expect(message.trim(), `${area}/${language}: ${id}`).not.toBe('');
  });

  test.each(languages)('%s is valid ICU with the same placeholders as English', (language) => {
    const messages = catalog(area, language);
    for (const id of ids) {
      const expected = placeholders(compileMessageOrThrow(english[area]?.[id] ?? ''));
      const compiled = compileMessageOrThrow(messages[id] ?? '');
      expect([...placeholders(compiled)].sort(), `${area}/${language}: ${id}`).toEqual([...expected].sort());
    }
  });
});

test('every message is used by the code', () => {
  const code = sourceFiles(path.join(root, 'src')).map((file) => fs.readFileSync(file, 'utf8')).join('\n');
  // Ids built from a code: every code of the domain has its message, and only those.
  const families: Record<string, readonly string[]> = {
    'error.': APP_ERROR_KINDS,
    'problem.': OPINION_PROBLEMS,
    'venueProblem.': VENUE_PROBLEMS,
    'kioskProblem.': KIOSK_PROBLEMS,
  };
  for (const prefix of Object.keys(families)) expect(code).toContain(`\`${prefix}\${`);
  const unused = Object.values(english)
    .flatMap((messages) => Object.keys(messages))
    .filter((id) => {
      const family = Object.entries(families).find(([prefix]) => id.startsWith(prefix));
      if (family) return !family[1].includes(id.slice(family[0].length));
      return !code.includes(`'${id}'`);
    });
  expect(unused).toEqual([]);
  for (const [prefix, codes] of Object.entries(families)) {
    const all = Object.values(english).flatMap((messages) => Object.keys(messages));
    expect(codes.filter((kind) => !all.includes(prefix + kind)), `${prefix} codes without a message`).toEqual([]);
  }
});

test('no id is in two areas: a language has one catalog, where the area loaded last would win', () => {
  const seen = new Map<string, string>();
  const twice: string[] = [];
  for (const area of MESSAGE_AREAS) {
    for (const id of Object.keys(english[area] ?? {})) {
      const first = seen.get(id);
      if (first) twice.push(`${id} (${first}, ${area})`);
      else seen.set(id, area);
    }
  }
  expect(twice).toEqual([]);
});
