/**
 * The id an opinion is sent with, so that it is stored once however often it is retried.
 *
 * It is the draft's id bound to what the opinion says. Two tabs of a device can hold one draft
 * (and its id), so they can send different opinions from one draft: each gets an id of its
 * own, and neither is refused as a duplicate of the other. The same opinion sent again (a retry,
 * the outbox, a second tab sending the very same words) gets the same id, which the server
 * answers with 137: it holds that opinion already. So 137 always means "delivered".
 */
import { validateOpinion, type OpinionDraft, type ValidOpinion } from './opinion';

/**
 * cyrb128 (bryc, public domain): a fast 128-bit string hash. Not cryptographic, and it need not
 * be: whoever sends an opinion chooses its id anyway; this only keeps one device's opinions apart.
 * Synchronous, unlike SubtleCrypto, which plain-http tablets do not have.
 */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i += 1) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A UUID (version 8, RFC 9562's "custom") made of the draft's id and the opinion's content. */
export function submissionIdFor(draftId: string, opinion: ValidOpinion): string {
  // Every field of an opinion, so that a field added to it cannot be left out of its id.
  const { name, comment, willReturn } = opinion;
  const content: Record<keyof ValidOpinion, unknown> = { name, comment, willReturn };
  const [a, b, c, d] = hash128(JSON.stringify([draftId, ...Object.values(content)]));
  const hex = [a, b, c, d].map((word) => word.toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Whether a draft (its id and what is typed in it) is the opinion sent under `submissionId`. */
export function draftHolds(draftId: string, draft: OpinionDraft, submissionId: string): boolean {
  const valid = validateOpinion(draft);
  return valid.ok && submissionIdFor(draftId, valid.value) === submissionId;
}
