import { t } from '../i18n/i18n';

/** Each one-line message a page can leave for the next: its id in the shell's messages (any page shows them). */
const FLASH_MESSAGES = {
  loggedOut: 'flash.loggedOut',
  deleted: 'flash.deleted',
  expired: 'flash.expired',
  signedUp: 'flash.signedUp',
  passwordReset: 'flash.passwordReset',
} as const;

export type FlashName = keyof typeof FLASH_MESSAGES;

/**
 * A one-line message carried to the next page in the router's location state ("You have
 * logged out"), shown by the layout above the page. It travels by name, not as text: the
 * history keeps it, and the page that shows it says it in its own language.
 */
export interface Flash {
  readonly name: FlashName;
  readonly tone: 'success' | 'warning';
}

export function withFlash(name: FlashName, tone: Flash['tone'] = 'success'): { flash: Flash } {
  return { flash: { name, tone } };
}

function isFlashName(value: unknown): value is FlashName {
  return typeof value === 'string' && Object.hasOwn(FLASH_MESSAGES, value);
}

export function readFlash(state: unknown): Flash | undefined {
  if (typeof state !== 'object' || state === null || !('flash' in state)) return undefined;
  const { flash } = state;
  if (typeof flash !== 'object' || flash === null || !('name' in flash) || !('tone' in flash)) return undefined;
  const { name, tone } = flash;
  if (!isFlashName(name) || (tone !== 'success' && tone !== 'warning')) return undefined;
  return { name, tone };
}

export function flashText(flash: Flash): string {
  return t(FLASH_MESSAGES[flash.name]);
}
