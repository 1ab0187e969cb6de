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

/**
 * What can be wrong with a field of the set-up, as a code: the set-up form says it in the staff
 * member's language (the `kiosk` catalogs' `kioskProblem.<code>`).
 */
export const KIOSK_PROBLEMS = [
  'pin.missing',
  'pin.notDigits',
  'pin.length',
  'pinAgain.missing',
  'pinAgain.different',
  'thanksResetSeconds.range',
  'idleResetSeconds.range',
  'language.invalid',
] as const;
export type KioskProblem = (typeof KIOSK_PROBLEMS)[number];

export type KioskSetupProblems = Partial<Record<KioskSetupField, KioskProblem>>;

export type KioskSetupValidation =
  | { readonly ok: true; readonly value: KioskPreferences & { readonly pin: string } }
  | { readonly ok: false; readonly problems: KioskSetupProblems };

function pinProblem(pin: string): KioskProblem | undefined {
  const { pinMinDigits: min, pinMaxDigits: max } = KIOSK_LIMITS;
  if (!pin) return 'pin.missing';
  if (!/^[0-9]+$/.test(pin)) return 'pin.notDigits';
  if (pin.length < min || pin.length > max) return 'pin.length';
  return undefined;
}

function pinAgainProblem(pin: string, pinAgain: string): KioskProblem | undefined {
  if (!pinAgain) return 'pinAgain.missing';
  return pinAgain === pin ? undefined : 'pinAgain.different';
}

/** Whole seconds within the limits, as a number; or undefined. */
function secondsIn(value: unknown, { min, max }: { min: number; max: number }): number | undefined {
  const seconds = typeof value === 'string' && /^\s*[0-9]+\s*$/.test(value) ? Number(value) : value;
  return typeof seconds === 'number' && Number.isInteger(seconds) && seconds >= min && seconds <= max ? seconds : undefined;
}

export function isKioskLanguage(value: unknown): value is KioskLanguage {
  return value === 'browser' || isLanguage(value);
}

export function validateKioskSetup(input: KioskSetupInput): KioskSetupValidation {
  const thanksResetSeconds = secondsIn(input.thanksResetSeconds, KIOSK_LIMITS.thanksResetSeconds);
  const idleResetSeconds = secondsIn(input.idleResetSeconds, KIOSK_LIMITS.idleResetSeconds);
  const { language } = input;
  const problems: KioskSetupProblems = {};
  const pin = pinProblem(input.pin);
  // A PIN that is wrong in itself is said once, on its own field.
  const pinAgain = pin ? undefined : pinAgainProblem(input.pin, input.pinAgain);
  if (pin) problems.pin = pin;
  if (pinAgain) problems.pinAgain = pinAgain;
  if (thanksResetSeconds === undefined) problems.thanksResetSeconds = 'thanksResetSeconds.range';
  if (idleResetSeconds === undefined) problems.idleResetSeconds = 'idleResetSeconds.range';
  if (!isKioskLanguage(language)) problems.language = 'language.invalid';
  if (pin || pinAgain || thanksResetSeconds === undefined || idleResetSeconds === undefined || !isKioskLanguage(language)) {
    return { ok: false, problems };
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
