import { describe, expect, test } from 'vitest';
import { isSubmissionId } from '../../../src/domain/opinion';
import { draftHolds, submissionIdFor } from '../../../src/domain/submission-id';

const draftId = '0b6f1a52-3c1e-4d7a-9f0e-2a6b8c4d1e3f';
const opinion = { name: 'Ana', comment: 'Lovely garden', willReturn: true };

describe('submissionIdFor', () => {
  test('is a UUID the server accepts, the same for the same draft and words', () => {
    const id = submissionIdFor(draftId, opinion);
    expect(isSubmissionId(id)).toBe(true);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(submissionIdFor(draftId, { ...opinion })).toBe(id);
  });

  test('two tabs of one draft that send different opinions send them under different ids', () => {
    const id = submissionIdFor(draftId, opinion);
    expect(submissionIdFor(draftId, { ...opinion, comment: 'Lovely garden!' })).not.toBe(id);
    expect(submissionIdFor(draftId, { ...opinion, name: '' })).not.toBe(id);
    expect(submissionIdFor(draftId, { ...opinion, willReturn: false })).not.toBe(id);
    // Fields cannot run into each other.
    expect(submissionIdFor(draftId, { name: 'a', comment: 'bc', willReturn: true })).not.toBe(
      submissionIdFor(draftId, { name: 'ab', comment: 'c', willReturn: true }),
    );
  });

  test('another draft gives another id for the very same words', () => {
    expect(submissionIdFor('5d2c7e9a-1b3f-4a6e-8c0d-7f1e2b3a4c5d', opinion)).not.toBe(submissionIdFor(draftId, opinion));
  });

  test('spreads over many opinions without a clash', () => {
    const ids = new Set(Array.from({ length: 20_000 }, (_, n) => submissionIdFor(draftId, { ...opinion, comment: `comment ${n}` })));
    expect(ids.size).toBe(20_000);
  });
});

describe('draftHolds', () => {
  const sentId = submissionIdFor(draftId, opinion);

  test('a draft holds the opinion sent from it, as typed (before trimming)', () => {
    expect(draftHolds(draftId, { name: ' Ana', comment: 'Lovely garden \n', willReturn: true }, sentId)).toBe(true);
  });

  test('not once its words changed, nor a draft that is not a whole opinion', () => {
    expect(draftHolds(draftId, { ...opinion, comment: 'Lovely garden, again' }, sentId)).toBe(false);
    expect(draftHolds(draftId, { ...opinion, willReturn: null }, sentId)).toBe(false);
    expect(draftHolds('5d2c7e9a-1b3f-4a6e-8c0d-7f1e2b3a4c5d', opinion, sentId)).toBe(false);
  });
});
