/**
 * Only ‹ › « »: Unicode marks them as mirrored, so right-to-left text draws them pointing the
 * other way by itself, where ← and → would keep pointing the same way.
 */
const ARROWS = { first: '«', previous: '‹', next: '›', last: '»' } as const;

/** An arrow along the text, hidden from screen readers: the words beside it say where it goes. */
export function Arrow({ to }: { to: keyof typeof ARROWS }) {
  return <span aria-hidden="true">{ARROWS[to]}</span>;
}
