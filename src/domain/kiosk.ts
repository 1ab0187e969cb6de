/**
 * A kiosk: the venue's tablet, set up by staff, on which one visitor after another leaves an
 * opinion. Its settings and the rules they follow; pure TypeScript (the set-up form and the
 * settings read back from the device are checked by the same rules).
 */
import { DEFAULT_LANGUAGE, isLanguage, type Language } from './languages';

export const KIOSK_LIMITS = {
  pinMinDigits: 4,
  pinMaxDigits: 8,
  thanksResetSeconds: { min: 3, max: 60, default: 8 },
  idleResetSeconds: { min: 20, max: 600, default: 60 },
  /** The last seconds before an inactivity reset, shown as a countdown under "Are you still there?". */
  idleWarningSeconds: 10,
  /** Wrong PINs in a row before the exit waits… */
  pinTries: 5,
  /** …this long, before it takes another. */
  pinLockoutSeconds: 60,
} as const;

/** The language each visitor starts in: one of the app's, or whatever the tablet's browser prefers. */
export type KioskLanguage = Language | 'browser';

export interface KioskPreferences {
  readonly thanksResetSeconds: number;
  readonly idleResetSeconds: number;
  readonly language: KioskLanguage;
}

export const DEFAULT_KIOSK_PREFERENCES: KioskPreferences = {
  thanksResetSeconds: KIOSK_LIMITS.thanksResetSeconds.default,
  idleResetSeconds: KIOSK_LIMITS.idleResetSeconds.default,
  language: 'browser',
};

/** What staff type into the set-up form, as typed. */
export interface KioskSetupInput {
  readonly pin: string;
  readonly pinAgain: string;
  readonly thanksResetSeconds: string;
  readonly idleResetSeconds: string;
  readonly language: string;
}

export type KioskSetupField = keyof KioskSetupInput;
export type KioskSetupErrors = Partial<Record<KioskSetupField, string>>;

export type KioskSetupValidation =
  | { readonly ok: true; readonly value: KioskPreferences & { readonly pin: string } }
  | { readonly ok: false; readonly errors: KioskSetupErrors };

export function pinError(pin: string): string | undefined {
  const { pinMinDigits: min, pinMaxDigits: max } = KIOSK_LIMITS;
  if (!pin) return 'Choose an exit PIN.';
  if (!/^[0-9]+$/.test(pin)) return 'The PIN must be digits only.';
  if (pin.length < min || pin.length > max) return `The PIN must be ${min} to ${max} digits.`;
  return undefined;
}

export function pinAgainError(pin: string, pinAgain: string): string | undefined {
  if (!pinAgain) return 'Type the PIN again.';
  return pinAgain === pin ? undefined : 'The two PINs are not the same.';
}

/** Whole seconds within the limits, as a number; or undefined. */
function secondsIn(value: unknown, { min, max }: { min: number; max: number }): number | undefined {
  const seconds = typeof value === 'string' && /^\s*[0-9]+\s*$/.test(value) ? Number(value) : value;
  return typeof seconds === 'number' && Number.isInteger(seconds) && seconds >= min && seconds <= max ? seconds : undefined;
}

export function secondsError(value: string, limits: { min: number; max: number }): string | undefined {
  return secondsIn(value, limits) === undefined ? `Enter a whole number of seconds from ${limits.min} to ${limits.max}.` : undefined;
}

export function isKioskLanguage(value: unknown): value is KioskLanguage {
  return value === 'browser' || isLanguage(value);
}

export function validateKioskSetup(input: KioskSetupInput): KioskSetupValidation {
  const errors: KioskSetupErrors = {
    pin: pinError(input.pin),
    pinAgain: pinError(input.pin) ? undefined : pinAgainError(input.pin, input.pinAgain),
    thanksResetSeconds: secondsError(input.thanksResetSeconds, KIOSK_LIMITS.thanksResetSeconds),
    idleResetSeconds: secondsError(input.idleResetSeconds, KIOSK_LIMITS.idleResetSeconds),
    language: isKioskLanguage(input.language) ? undefined : 'Choose a language.',
  };
  const thanksResetSeconds = secondsIn(input.thanksResetSeconds, KIOSK_LIMITS.thanksResetSeconds);
  const idleResetSeconds = secondsIn(input.idleResetSeconds, KIOSK_LIMITS.idleResetSeconds);
  const { language } = input;
  if (Object.values(errors).some(Boolean) || thanksResetSeconds === undefined || idleResetSeconds === undefined || !isKioskLanguage(language)) {
    return { ok: false, errors: Object.fromEntries(Object.entries(errors).filter(([, message]) => message)) };
  }
  return { ok: true, value: { pin: input.pin, thanksResetSeconds, idleResetSeconds, language } };
}

/**
 * The preferences as read back from the device (anything may be there), or undefined when they
 * do not follow the rules: a kiosk must never run on values staff could not have chosen.
 */
export function readKioskPreferences(value: unknown): KioskPreferences | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const stored: Record<string, unknown> = { ...value };
  const thanksResetSeconds = secondsIn(stored.thanksResetSeconds, KIOSK_LIMITS.thanksResetSeconds);
  const idleResetSeconds = secondsIn(stored.idleResetSeconds, KIOSK_LIMITS.idleResetSeconds);
  const { language } = stored;
  if (thanksResetSeconds === undefined || idleResetSeconds === undefined || !isKioskLanguage(language)) return undefined;
  return { thanksResetSeconds, idleResetSeconds, language };
}

/**
 * The language a visitor starts in: the kiosk's, or the first of the browser's languages
 * (`en-GB` counts as `en`) that the app speaks, or the default.
 */
export function kioskStartLanguage(setting: KioskLanguage, browserLanguages: readonly string[]): Language {
  if (setting !== 'browser') return setting;
  for (const tag of browserLanguages) {
    const primary = tag.split('-')[0]?.toLowerCase();
    if (isLanguage(primary)) return primary;
  }
  return DEFAULT_LANGUAGE;
}
