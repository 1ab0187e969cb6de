/**
 * Staff's tags on opinions: free text, kept tidy so that "Noise" and " noise " are one tag.
 * Pure TypeScript: the tag fields, the URL's filter and Cloud Code (server/cloud/opinions.ts) share it.
 */

export const TAG_LIMITS = {
  /** Characters of one tag. */
  length: 40,
  /** Tags on one opinion. */
  perOpinion: 20,
} as const;

/** Control characters other than spaces (NUL, BEL, DEL…; PostgreSQL refuses NUL) and invisible spaces: never part of a tag. */
const INVISIBLE = /[\u200B\uFEFF]|[^\P{Cc}\s]/gu;

/**
 * A tag as stored: invisible characters left out, spaces collapsed and trimmed, lower case in
 * the rules of no particular language. Tidying a tidy tag changes nothing.
 */
export function normalizeTag(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim().toLowerCase().slice(0, TAG_LIMITS.length).trimEnd();
}

/** Normalised, without duplicates or empty ones, in the order given. */
export function normalizeTags(texts: readonly string[]): string[] {
  return [...new Set(texts.map(normalizeTag).filter((tag) => tag !== ''))];
}

/** Whether a stored value is a valid list of tags, as Cloud Code requires on every save. */
export function isTagList(value: unknown): value is string[] {
  return (
    Array.isArray(value) &&
    value.length <= TAG_LIMITS.perOpinion &&
    value.every((tag) => typeof tag === 'string' && tag !== '' && normalizeTag(tag) === tag) &&
    new Set(value).size === value.length
  );
}
