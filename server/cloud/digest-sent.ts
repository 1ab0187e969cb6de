/** The end (ISO) of the last digest period a user was sent: written by `sendDigests` only (accounts.ts refuses clients). */
export const DIGEST_SENT_FIELD = 'digestSentFor';
