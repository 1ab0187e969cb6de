/**
 * The opinion a visitor leaves, and the rules it must follow. Pure TypeScript: the form
 * validates with these rules and the server's Cloud Code enforces the very same ones.
 */
import type { Language } from './languages';

export const OPINION_LIMITS = {
  nameMax: 100,
  commentMax: 2000,
  /** The comment's character counter appears from this length on. */
  commentCounterFrom: 1800,
} as const;

export interface Opinion {
  readonly id: string;
  readonly name: string;
  readonly comment: string;
  readonly willReturn: boolean;
  readonly reviewed: boolean;
  /** The language the visitor wrote in; null for an opinion sent without one (an older app, another client). */
  readonly language: Language | null;
  readonly createdAt: Date;
  /** Staff's tags (domain/tags.ts); never readable without the staff role. */
  readonly tags: readonly string[];
}

/** What a visitor sends; `willReturn` is null until they choose. */
export interface OpinionDraft {
  name: string;
  comment: string;
  willReturn: boolean | null;
}

export interface ValidOpinion {
  readonly name: string;
  readonly comment: string;
  readonly willReturn: boolean;
}

/**
 * An opinion on its way to the server: what the visitor wrote and the language they wrote it
 * in, read when they sent it and kept with it through the outbox's retries. Not part of the
 * submission id (submission-id.ts): the same words sent again are the same opinion.
 */
export interface SentOpinion extends ValidOpinion {
  /** Absent from what an older version of the app kept in the outbox: the server stores those without one. */
  readonly language?: Language;
}

export type OpinionField = 'name' | 'comment' | 'willReturn';
export type OpinionFieldErrors = Partial<Record<OpinionField, string>>;

export type OpinionValidation =
  | { readonly ok: true; readonly value: ValidOpinion }
  | { readonly ok: false; readonly errors: OpinionFieldErrors };

export const ANONYMOUS_NAME = 'Anonymous';

// NUL cannot be stored in PostgreSQL text and the other C0 controls have no place in
// a comment; tab and line breaks stay allowed.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * What can be wrong with a field, as a code: the app shows it in the visitor's language (the
 * catalogs' `problem.<code>`), the server in English (PROBLEM_TEXT).
 */
export type OpinionProblem =
  | 'name.type'
  | 'name.long'
  | 'name.characters'
  | 'comment.missing'
  | 'comment.type'
  | 'comment.long'
  | 'comment.characters'
  | 'willReturn.missing'
  | 'willReturn.type';

/**
 * 2000 written as English does (2,000) without Intl: a page's first Intl call sets up ICU, some
 * 200 ms of main thread on a phone, and every page imports this module.
 */
const inEnglishDigits = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

/** The problems in English: Cloud Code's answer to other clients, and what the app's English catalog says. */
const PROBLEM_TEXT: Record<OpinionProblem, string> = {
  'name.type': 'Name must be text.',
  'name.long': `Name must be ${OPINION_LIMITS.nameMax} characters or fewer.`,
  'name.characters': 'Name contains characters we cannot store.',
  'comment.missing': 'Enter your comment.',
  'comment.type': 'Comment must be text.',
  'comment.long': `Comment must be ${inEnglishDigits(OPINION_LIMITS.commentMax)} characters or fewer.`,
  'comment.characters': 'Comment contains characters we cannot store.',
  'willReturn.missing': 'Choose whether you would visit us again.',
  'willReturn.type': 'Would you visit us again must be yes or no.',
};

export function nameProblem(value: unknown): OpinionProblem | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return 'name.type';
  const name = value.trim();
  if (name.length > OPINION_LIMITS.nameMax) return 'name.long';
  if (FORBIDDEN_CONTROL.test(name)) return 'name.characters';
  return undefined;
}

export function commentProblem(value: unknown): OpinionProblem | undefined {
  if (value === undefined || value === null) return 'comment.missing';
  if (typeof value !== 'string') return 'comment.type';
  const comment = value.trim();
  if (comment.length === 0) return 'comment.missing';
  if (comment.length > OPINION_LIMITS.commentMax) return 'comment.long';
  if (FORBIDDEN_CONTROL.test(comment)) return 'comment.characters';
  return undefined;
}

export function willReturnProblem(value: unknown): OpinionProblem | undefined {
  if (typeof value === 'boolean') return undefined;
  if (value === undefined || value === null) return 'willReturn.missing';
  return 'willReturn.type';
}

const inEnglish = (problem: OpinionProblem | undefined) => (problem ? PROBLEM_TEXT[problem] : undefined);

export const nameError = (value: unknown): string | undefined => inEnglish(nameProblem(value));
export const commentError = (value: unknown): string | undefined => inEnglish(commentProblem(value));
export const willReturnError = (value: unknown): string | undefined => inEnglish(willReturnProblem(value));

/**
 * The problem a field message of Cloud Code's refusal names: the refusal carries our own
 * PROBLEM_TEXT (formatValidationMessage), so each maps back to its code exactly.
 */
export function problemOfText(text: string): OpinionProblem | undefined {
  return OPINION_PROBLEMS.find((problem) => PROBLEM_TEXT[problem] === text);
}

function isProblem(key: string): key is OpinionProblem {
  return Object.hasOwn(PROBLEM_TEXT, key);
}

/** Every problem, for the catalogs' check that each has its message. */
export const OPINION_PROBLEMS: readonly OpinionProblem[] = Object.keys(PROBLEM_TEXT).filter(isProblem);

/** Checks every field and returns the trimmed opinion, or the message for each bad field. */
export function validateOpinion(input: {
  name?: unknown;
  comment?: unknown;
  willReturn?: unknown;
}): OpinionValidation {
  const errors: OpinionFieldErrors = {};
  const name = nameError(input.name);
  const comment = commentError(input.comment);
  const willReturn = willReturnError(input.willReturn);
  if (name) errors.name = name;
  if (comment) errors.comment = comment;
  if (willReturn) errors.willReturn = willReturn;
  if (name || comment || willReturn) return { ok: false, errors };
  return {
    ok: true,
    value: {
      name: typeof input.name === 'string' ? input.name.trim() : '',
      comment: (input.comment as string).trim(),
      willReturn: input.willReturn as boolean,
    },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isSubmissionId(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** `anonymous`: what a page calls a visitor who left no name, in its language. */
export function displayName(opinion: Pick<Opinion, 'name'>, anonymous: string = ANONYMOUS_NAME): string {
  return opinion.name.trim() === '' ? anonymous : opinion.name;
}

/*
 * Cloud Code refuses an invalid opinion with OUR_ERROR_CODE.invalidOpinion (domain/errors.ts)
 * and this message: a sentence for other clients, then each field's message as a JSON object,
 * which the app reads to put each message back on its field. Parse Server answers a Cloud
 * Code error with its code and message only, so the message is where the fields travel.
 */
const VALIDATION_SENTENCE = 'Invalid opinion: ';

export function formatValidationMessage(errors: OpinionFieldErrors): string {
  return VALIDATION_SENTENCE + JSON.stringify(errors);
}

/** The field errors a refusal's message carries: the JSON object after its sentence, whatever the sentence says. */
export function parseValidationMessage(message: string): OpinionFieldErrors | undefined {
  const start = message.indexOf('{');
  if (start < 0) return undefined;
  try {
    const parsed: unknown = JSON.parse(message.slice(start));
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const errors: OpinionFieldErrors = {};
    for (const field of ['name', 'comment', 'willReturn'] as const) {
      const value = (parsed as Record<string, unknown>)[field];
      if (typeof value === 'string') errors[field] = value;
    }
    return errors;
  } catch {
    return undefined;
  }
}
