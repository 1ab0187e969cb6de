/**
 * The queries a client may run on the opinions, checked before Parse turns them into SQL:
 * an operator the dashboard never sends ($text, $nearSphere…), a pattern that does not compile,
 * a limit or skip that is not a whole number reached PostgreSQL and came back as a 500.
 */
import { serverParse } from './parse-global.ts';

const Parse = serverParse();

// What the dashboard's queries use (src/parse/dashboard.ts), and the plain comparisons beside them.
const OPERATORS = new Set(['$regex', '$options', '$lt', '$lte', '$gt', '$gte', '$eq', '$ne', '$in', '$nin', '$exists', '$or', '$and', '$all']);

function invalid(message: string): never {
  throw new Parse.Error(Parse.Error.INVALID_QUERY, message);
}

function checkWhere(value: unknown, depth: number): void {
  if (depth > 10) invalid('The query is nested too deeply.');
  if (Array.isArray(value)) {
    for (const item of value) checkWhere(item, depth + 1);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const entries = Object.entries(value as Record<string, unknown>);
  // A typed value (a Date, a Pointer) is a value, not a query.
  if (entries.some(([key]) => key === '__type')) return;
  for (const [key, inner] of entries) {
    if (key.startsWith('$') && !OPERATORS.has(key)) invalid(`${key} is not a query this app answers.`);
    if (key === '$regex') {
      if (typeof inner !== 'string') invalid('$regex must be text.');
      try {
        new RegExp(inner);
      } catch {
        invalid('$regex is not a valid pattern.');
      }
    }
    if (key === '$options' && (typeof inner !== 'string' || !/^[imxs]*$/.test(inner))) invalid('$options may only hold i, m, x and s.');
    checkWhere(inner, depth + 1);
  }
}

const wholeNumber = (value: unknown) => value === undefined || (typeof value === 'number' && Number.isInteger(value) && value >= 0);

export function checkOpinionQuery(query: { toJSON(): Record<string, unknown> }): void {
  const { where, limit, skip } = query.toJSON();
  if (!wholeNumber(limit)) invalid('limit must be a whole number.');
  if (!wholeNumber(skip)) invalid('skip must be a whole number.');
  checkWhere(where, 0);
}
