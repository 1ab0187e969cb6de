/**
 * The app's messages: Lingui's core (docs/decisions/0021), one active language for the life of
 * the page (switching languages loads the other language's page), its catalogs loaded by area
 * as they are needed: `shell` before the app renders, a page's own with the page's code
 * (the route manifest's `messages`).
 */
import { i18n, type Messages } from '@lingui/core';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../domain/languages';
import type shell from './messages/shell/en.json';
import type errors from './messages/errors/en.json';
import type visitor from './messages/visitor/en.json';
import type accounts from './messages/accounts/en.json';
import type staff from './messages/staff/en.json';
import type kiosk from './messages/kiosk/en.json';
import type settings from './messages/settings/en.json';

/**
 * The catalogs' areas, each a file per language under messages/<area>/: `shell` holds the
 * layout's messages and those of the forms' primitives (components/ui/) every page may use;
 * `staff` those of the dashboard and an opinion's page, `kiosk` those of the kiosk's set-up and staff menu,
 * `settings` those of the venue's settings page.
 */
export const MESSAGE_AREAS = ['shell', 'visitor', 'accounts', 'errors', 'staff', 'kiosk', 'settings'] as const;
export type MessageArea = (typeof MESSAGE_AREAS)[number];

/** Every message's id, from the English catalogs (the others are checked against them). */
export type MessageId =
  | keyof typeof shell
  | keyof typeof visitor
  | keyof typeof accounts
  | keyof typeof errors
  | keyof typeof staff
  | keyof typeof kiosk
  | keyof typeof settings;

/** The values an ICU message's placeholders take. */
export type MessageValues = Readonly<Record<string, string | number>>;

// Each its own chunk, compiled at build time (build/catalogs-plugin.ts): only those asked for load.
const CATALOGS = import.meta.glob<Messages>('./messages/*/*.json', { import: 'default' });

const loaded = new Set<string>();

/** Loads an area's messages in `language` (once), and makes `language` the active one. */
export async function loadMessages(language: Language, area: MessageArea): Promise<void> {
  const key = `./messages/${area}/${language}.json`;
  if (!loaded.has(key)) {
    const load = CATALOGS[key];
    if (!load) throw new Error(`No catalog ${key}.`);
    i18n.load(language, await load());
    loaded.add(key);
  }
  if (i18n.locale !== language) i18n.activate(language);
}

/** The active language (the page's). */
export function activeLanguage(): Language {
  return isLanguage(i18n.locale) ? i18n.locale : DEFAULT_LANGUAGE;
}

/** A message in the active language, its placeholders filled (plurals and numbers by the language's rules). */
export function t(id: MessageId, values?: MessageValues): string {
  return i18n._(id, values);
}
