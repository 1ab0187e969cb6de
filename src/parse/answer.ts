/**
 * Reading a Cloud function's answer field by field into the app's types, instead of casting it:
 * an answer of another shape (a server running other Cloud Code) is the server's failure,
 * `appError('server')`, where it arrives, not a crash in a component later.
 */
import { appError } from '../domain/errors';

export type Answer = Readonly<Record<string, unknown>>;

function isAnswer(value: unknown): value is Answer {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function objectOf(value: unknown): Answer {
  if (!isAnswer(value)) throw appError('server');
  return value;
}

/** The value at `key` if `accepts` it. */
export function oneOfAt<T>(answer: Answer, key: string, accepts: (value: unknown) => value is T): T {
  const value = answer[key];
  if (!accepts(value)) throw appError('server');
  return value;
}

export function stringAt(answer: Answer, key: string): string {
  const value = answer[key];
  if (typeof value !== 'string') throw appError('server');
  return value;
}

export function numberAt(answer: Answer, key: string): number {
  const value = answer[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw appError('server');
  return value;
}

export function booleanAt(answer: Answer, key: string): boolean {
  const value = answer[key];
  if (typeof value !== 'boolean') throw appError('server');
  return value;
}

/** `read(answer, key)`, or null where the answer holds null (or, from an older server, nothing). */
export function nullableAt<T>(answer: Answer, key: string, read: (answer: Answer, key: string) => T): T | null {
  return answer[key] === null || answer[key] === undefined ? null : read(answer, key);
}

/** Each element of the array at `key`, read by `read`. */
export function arrayAt<T>(answer: Answer, key: string, read: (element: Answer) => T): T[] {
  const value = answer[key];
  if (!Array.isArray(value)) throw appError('server');
  return value.map((element) => read(objectOf(element)));
}
