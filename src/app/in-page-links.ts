/**
 * A link to a place on the same page (the skip link) moves focus there without a navigation.
 * A navigation, even to a fragment, is a new location for the router: it re-renders the page,
 * and a prerendered form that has not hydrated yet would be thrown away and drawn anew, empty.
 * It would also put `#main` into the dashboard's shareable URLs.
 */
function onClick(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
  const id = link?.getAttribute('href')?.slice(1);
  if (!id) return;
  const target = document.getElementById(decodeURIComponent(id));
  if (!target) return;
  event.preventDefault();
  if (!target.hasAttribute('tabindex') && target.tabIndex < 0) target.setAttribute('tabindex', '-1');
  target.focus();
  target.scrollIntoView();
}

/**
 * Called by main.tsx before React renders or hydrates, and by the prerendered page's inline
 * script (send-capture-script.ts) before that: the second listener finds the click handled.
 */
export function keepInPageLinksInPage(): void {
  document.addEventListener('click', onClick);
}
