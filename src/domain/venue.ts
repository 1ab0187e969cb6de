/**
 * The venue's settings and their rules. Pure TypeScript: the settings form validates with
 * these rules and Cloud Code (server/cloud/venue.ts) enforces the very same ones.
 */
import { DEFAULT_VENUE_NAME } from './venue-name';

export interface VenueSettings {
  /** What visitors see: the form's heading, page titles, emails. */
  readonly name: string;
  /** An IANA time zone (Europe/Madrid): the day and hour of stats, digests and alerts. */
  readonly timeZone: string;
  /** An alert looks at the opinions of this many minutes... */
  readonly alertWindowMinutes: number;
  /** ...when at least this many arrived... */
  readonly alertMinimumCount: number;
  /** ...and at least this share of them (in %) will not return. */
  readonly alertWontReturnPercent: number;
  /** Opinions older than this many days are deleted; null keeps them. */
  readonly retentionDays: number | null;
}

/** The part of the settings that anyone may read, without an account. */
export type PublicVenue = Pick<VenueSettings, 'name'>;

export type VenueField = keyof VenueSettings;

export const VENUE_LIMITS = {
  nameMax: 100,
  alertWindowMinutes: { min: 5, max: 24 * 60 },
  alertMinimumCount: { min: 1, max: 1000 },
  alertWontReturnPercent: { min: 1, max: 100 },
  retentionDays: { min: 7, max: 3650 },
} as const;

/** What a venue has until staff save settings of their own. */
export const DEFAULT_VENUE_SETTINGS: VenueSettings = {
  name: DEFAULT_VENUE_NAME,
  timeZone: 'UTC',
  alertWindowMinutes: 60,
  alertMinimumCount: 3,
  alertWontReturnPercent: 50,
  retentionDays: null,
};

/**
 * What can be wrong with a field, as a code: the app shows it in the staff member's language
 * (the catalogs' `problem.<code>`), the server in English (PROBLEM_TEXT).
 */
export type VenueProblem =
  | 'name.missing'
  | 'name.long'
  | 'timeZone.invalid'
  | 'alertWindowMinutes.range'
  | 'alertMinimumCount.range'
  | 'alertWontReturnPercent.range'
  | 'retentionDays.range';

type Range = { readonly min: number; readonly max: number };
const between = ({ min, max }: Range) => `a whole number from ${min} to ${max}`;

const PROBLEM_TEXT: Record<VenueProblem, string> = {
  'name.missing': "Enter the venue's name.",
  'name.long': `The venue's name must be ${VENUE_LIMITS.nameMax} characters or fewer.`,
  'timeZone.invalid': 'Choose a time zone such as Europe/Madrid.',
  'alertWindowMinutes.range': `The alert window must be ${between(VENUE_LIMITS.alertWindowMinutes)} minutes.`,
  'alertMinimumCount.range': `The number of opinions must be ${between(VENUE_LIMITS.alertMinimumCount)}.`,
  'alertWontReturnPercent.range': `The share must be ${between(VENUE_LIMITS.alertWontReturnPercent)} %.`,
  'retentionDays.range': `Keep opinions for ${between(VENUE_LIMITS.retentionDays)} days, or for ever.`,
};

function isProblem(key: string): key is VenueProblem {
  return Object.hasOwn(PROBLEM_TEXT, key);
}

/** Every problem, for the catalogs' check that each has its message. */
export const VENUE_PROBLEMS: readonly VenueProblem[] = Object.keys(PROBLEM_TEXT).filter(isProblem);

export const venueProblemText = (problem: VenueProblem): string => PROBLEM_TEXT[problem];

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F]/;

export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The value when it is a whole number within the range. */
const wholeIn = (value: unknown, { min, max }: Range): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : undefined;

export type VenueFieldProblems = Partial<Record<VenueField, VenueProblem>>;

export type VenueValidation =
  | { readonly ok: true; readonly value: VenueSettings }
  | { readonly ok: false; readonly problems: VenueFieldProblems };

/** Checks every field and returns the settings with a trimmed name, or the problem of each bad field. */
export function validateVenueSettings(input: { readonly [K in VenueField]?: unknown }): VenueValidation {
  const problems: VenueFieldProblems = {};
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (name === '' || CONTROL.test(name)) problems.name = 'name.missing';
  else if (name.length > VENUE_LIMITS.nameMax) problems.name = 'name.long';
  const timeZone = isTimeZone(input.timeZone) ? input.timeZone : undefined;
  if (timeZone === undefined) problems.timeZone = 'timeZone.invalid';
  const alertWindowMinutes = wholeIn(input.alertWindowMinutes, VENUE_LIMITS.alertWindowMinutes);
  if (alertWindowMinutes === undefined) problems.alertWindowMinutes = 'alertWindowMinutes.range';
  const alertMinimumCount = wholeIn(input.alertMinimumCount, VENUE_LIMITS.alertMinimumCount);
  if (alertMinimumCount === undefined) problems.alertMinimumCount = 'alertMinimumCount.range';
  const alertWontReturnPercent = wholeIn(input.alertWontReturnPercent, VENUE_LIMITS.alertWontReturnPercent);
  if (alertWontReturnPercent === undefined) problems.alertWontReturnPercent = 'alertWontReturnPercent.range';
  // null keeps opinions for ever; anything else must be a period within the limits.
  const retentionDays = input.retentionDays === null ? null : wholeIn(input.retentionDays, VENUE_LIMITS.retentionDays);
  if (retentionDays === undefined) problems.retentionDays = 'retentionDays.range';
  if (
    problems.name !== undefined ||
    timeZone === undefined ||
    alertWindowMinutes === undefined ||
    alertMinimumCount === undefined ||
    alertWontReturnPercent === undefined ||
    retentionDays === undefined
  ) {
    return { ok: false, problems };
  }
  return { ok: true, value: { name, timeZone, alertWindowMinutes, alertMinimumCount, alertWontReturnPercent, retentionDays } };
}

/*
 * Cloud Code refuses invalid settings with OUR_ERROR_CODE.invalidVenueSettings and this
 * message: a sentence for other clients, then each field's problem code as JSON, which the
 * app reads to put each message back on its field in the staff member's language.
 */
const VALIDATION_SENTENCE = 'Invalid venue settings: ';

export function formatVenueRefusal(problems: VenueFieldProblems): string {
  const text = Object.values(problems).map(venueProblemText).join(' ');
  return `${VALIDATION_SENTENCE}${text} ${JSON.stringify(problems)}`;
}

/** The field problems a refusal's message carries: the JSON object at its end. */
export function parseVenueRefusal(message: string): VenueFieldProblems {
  const start = message.lastIndexOf(' {');
  const problems: VenueFieldProblems = {};
  if (start < 0) return problems;
  try {
    const parsed: unknown = JSON.parse(message.slice(start + 1));
    if (typeof parsed !== 'object' || parsed === null) return problems;
    for (const [field, problem] of Object.entries(parsed)) {
      if (isVenueField(field) && typeof problem === 'string' && isProblem(problem)) problems[field] = problem;
    }
  } catch {
    // Not our refusal: no field problems to show.
  }
  return problems;
}

function isVenueField(key: string): key is VenueField {
  return Object.hasOwn(DEFAULT_VENUE_SETTINGS, key);
}

/**
 * Is an alert due for the opinions of one window: at least the minimum count, and a share of
 * "won't return" at or above the threshold (compared in whole numbers: 50 % of 3 is not 1 of 3).
 */
export function alertDue(
  { count, wontReturn }: { readonly count: number; readonly wontReturn: number },
  rule: Pick<VenueSettings, 'alertMinimumCount' | 'alertWontReturnPercent'>,
): boolean {
  return count >= rule.alertMinimumCount && wontReturn * 100 >= rule.alertWontReturnPercent * count;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Opinions created before this instant are past a retention period of `days`. */
export function retentionCutoff(days: number, now: Date): Date {
  return new Date(now.getTime() - days * DAY_MS);
}
