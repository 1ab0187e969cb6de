import { ERROR_MESSAGES } from '../domain/errors';

/**
 * A one-line message carried to the next page in the router's location state ("You have
 * logged out"), shown by the layout above the page.
 */
export interface Flash {
  readonly text: string;
  readonly tone: 'success' | 'warning';
}

export function withFlash(text: string, tone: Flash['tone'] = 'success'): { flash: Flash } {
  return { flash: { text, tone } };
}

export function readFlash(state: unknown): Flash | undefined {
  if (typeof state !== 'object' || state === null || !('flash' in state)) return undefined;
  const flash = (state as { flash: unknown }).flash;
  if (typeof flash !== 'object' || flash === null) return undefined;
  const { text, tone } = flash as Record<string, unknown>;
  if (typeof text !== 'string' || (tone !== 'success' && tone !== 'warning')) return undefined;
  return { text, tone };
}

export const FLASH_TEXT = {
  loggedOut: 'You have logged out.',
  deleted: 'Your account is deleted.',
  expired: ERROR_MESSAGES['session-expired'],
} as const;
