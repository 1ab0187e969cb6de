import { beforeEach, describe, expect, test } from 'vitest';
import { clearSentDraft, loadDraft, saveDraft, startDraft, type StoredDraft } from '../../../src/device/drafts';
import { draftHolds, submissionIdFor } from '../../../src/domain/submission-id';

const KEY = 'visitor-opinions:draft';
const draftId = '0b6f1a52-3c1e-4d7a-9f0e-2a6b8c4d1e3f';
const typed: StoredDraft = { name: ' Ana ', comment: 'Lovely garden ', willReturn: true, submissionId: draftId };
/** What the form sends of `typed`: trimmed, under the id bound to it. */
const sentId = submissionIdFor(draftId, { name: 'Ana', comment: 'Lovely garden', willReturn: true });
/** What the page forgets after sending `typed`. */
const sent = (stored: StoredDraft) => draftHolds(stored.submissionId, stored, sentId);

/** jsdom has one tab: another tab of the device is seen only through the localStorage they share. */
const otherTabSaves = (draft: StoredDraft) => localStorage.setItem(KEY, JSON.stringify(draft));
const device = () => JSON.parse(localStorage.getItem(KEY) ?? 'null') as unknown;
const thisTab = () => JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as unknown;
/** A tab opened now: nothing of its own yet. */
const newTab = () => sessionStorage.clear();

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('the draft of this tab and of the device', () => {
  test('a new tab starts from the draft typed last on the device', () => {
    saveDraft(typed);
    newTab();
    expect(loadDraft()).toEqual(typed);
  });

  test('a reload finds this tab’s own words, even when another tab typed since', () => {
    saveDraft(typed);
    const otherWords = { ...typed, comment: 'The café was closed' };
    otherTabSaves(otherWords);
    expect(loadDraft()).toEqual(typed);
    // …and the next new tab starts from the other tab's, typed last.
    newTab();
    expect(loadDraft()).toEqual(otherWords);
  });

  test('the next draft of a tab that sent one is its own until typed in', () => {
    saveDraft(typed);
    clearSentDraft(sent);
    const otherWords = { ...typed, comment: 'The café was closed' };
    otherTabSaves(otherWords);
    const next = startDraft();
    expect(next.submissionId).not.toBe(draftId);
    expect(loadDraft()).toEqual(next);
    expect(device()).toEqual(otherWords);
  });
});

describe('clearSentDraft: only what was sent is forgotten', () => {
  test('forgets the draft that was just sent, in the tab and on the device', () => {
    saveDraft(typed);
    clearSentDraft(sent);
    expect(device()).toBeNull();
    expect(thisTab()).toBeNull();
    expect(loadDraft().submissionId).not.toBe(draftId);
  });

  test('keeps what another tab typed into the same draft since', () => {
    saveDraft(typed);
    const otherWords = { ...typed, comment: 'The café was closed' };
    otherTabSaves(otherWords);
    clearSentDraft(sent);
    expect(thisTab()).toBeNull();
    expect(device()).toEqual(otherWords);
    newTab();
    expect(loadDraft()).toEqual(otherWords);
  });

  test('keeps another tab’s words even when they are not a whole opinion yet', () => {
    const otherWords = { ...typed, comment: '', name: 'Half' };
    otherTabSaves(otherWords);
    clearSentDraft(sent);
    expect(device()).toEqual(otherWords);
  });

  test('keeps another draft', () => {
    const another = { ...typed, submissionId: '5d2c7e9a-1b3f-4a6e-8c0d-7f1e2b3a4c5d' };
    otherTabSaves(another);
    clearSentDraft(sent);
    expect(device()).toEqual(another);
  });

  test('forgets a draft with nothing typed in it', () => {
    otherTabSaves({ name: ' ', comment: '', willReturn: false, submissionId: draftId });
    clearSentDraft(sent);
    expect(device()).toBeNull();
  });
});
