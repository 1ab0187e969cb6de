import { describe, expect, test } from 'vitest';
import { DEFAULT_FILTERS, DEFAULT_LIST_PARAMS, hasFilters, parseListParams, toSearchParams } from '../../../src/domain/dashboard';
import { validateNoteText, NOTE_MAX } from '../../../src/domain/notes';
import { CSV_HEADER, exportCsvRow, STAFF_CSV_HEADER } from '../../../src/domain/opinion-csv';
import { isTagList, normalizeTag, normalizeTags, TAG_LIMITS } from '../../../src/domain/tags';
import { opinionWhere } from '../../../src/parse/opinion-query';

describe('tags', () => {
  test('are stored trimmed, spaces collapsed, in lower case, at most 40 characters, once each', () => {
    expect(normalizeTag('  Too   LOUD ')).toBe('too loud');
    expect(normalizeTag('x'.repeat(50))).toHaveLength(TAG_LIMITS.length);
    expect(normalizeTags(['Café', ' café', '', '  ', 'Queue'])).toEqual(['café', 'queue']);
  });

  test('leave out control characters and invisible spaces: a tag of only those is none', () => {
    expect(normalizeTag('a\u0000b\u0007c\u007F')).toBe('abc');
    expect(normalizeTag('\u200Bqueue\uFEFF')).toBe('queue');
    expect(normalizeTags(['\u0000', '\u200B'])).toEqual([]);
    expect(isTagList(['a\u0000b'])).toBe(false);
    // Left out before the spaces are collapsed, and a tag cut at its length ends without a space:
    // a tidy tag stays as it is.
    expect(normalizeTag('a \u200B b')).toBe('a b');
    expect(normalizeTag('a \u0007 b')).toBe('a b');
    expect(normalizeTag(`${'x'.repeat(39)} y`)).toBe('x'.repeat(39));
    for (const text of ['a \u200B b', ' a\uFEFFb ', `${'x'.repeat(39)} y`, '\tTab\u0000 \n']) {
      expect(normalizeTag(normalizeTag(text))).toBe(normalizeTag(text));
    }
    // Letters joined as their script or emoji ask are kept.
    expect(normalizeTag('👩\u200D💻')).toBe('👩\u200D💻');
  });

  test('a stored list holds at most 20 tidy, distinct tags of text', () => {
    expect(isTagList(['café', 'queue'])).toBe(true);
    expect(isTagList([])).toBe(true);
    expect(isTagList(['Café'])).toBe(false);
    expect(isTagList(['a', 'a'])).toBe(false);
    expect(isTagList(['a', 3])).toBe(false);
    expect(isTagList('a')).toBe(false);
    expect(isTagList(Array.from({ length: TAG_LIMITS.perOpinion + 1 }, (_, n) => `t${n}`))).toBe(false);
  });

  test('the tag filter lives in the URL as stored, counts as a filter, and asks for opinions holding it', () => {
    expect(parseListParams(new URLSearchParams('tag=%20Late%20')).tag).toBe('late');
    expect(toSearchParams({ ...DEFAULT_LIST_PARAMS, tag: 'late' }).toString()).toBe('tag=late');
    expect(hasFilters({ ...DEFAULT_FILTERS, tag: 'late' })).toBe(true);
    expect(opinionWhere({ ...DEFAULT_FILTERS, tag: 'late' })).toEqual({ tags: { $all: ['late'] } });
    expect(opinionWhere(DEFAULT_FILTERS)).toEqual({});
  });
});

test('a note is trimmed, and refused empty or longer than the limit', () => {
  expect(validateNoteText('  Called back. ')).toEqual({ ok: true, value: 'Called back.' });
  expect(validateNoteText('   ')).toEqual({ ok: false, problem: 'missing' });
  expect(validateNoteText(undefined)).toEqual({ ok: false, problem: 'missing' });
  expect(validateNoteText('x'.repeat(NOTE_MAX + 1))).toEqual({ ok: false, problem: 'long' });
});

test("the export's row ends with staff's columns: the tags and the number of notes, formulas neutralised", () => {
  const opinion = { id: 'x', name: 'Noor', comment: 'ok', willReturn: true, reviewed: false, language: 'ar', createdAt: new Date(0) } as const;
  expect([...CSV_HEADER, ...STAFF_CSV_HEADER].slice(-2)).toEqual(['tags', 'notes']);
  expect(exportCsvRow({ ...opinion, tags: ['queue', 'café'] }, 2).slice(-2)).toEqual(['queue; café', '2']);
  expect(exportCsvRow({ ...opinion, tags: ['=cmd'] }, 0).slice(-2)).toEqual(["'=cmd", '0']);
});
