/**
 * index.html's inline script (compiled by the build, run before any other script): until the
 * app's code has run, the visitor's form is plain HTML and its Send does nothing, so a click on
 * it is noted here, and the form sends once it can (src/app/prerendered-form.ts). The skip link
 * keeps to the page from the start too (in-page-links.ts): the app's code comes later
 * (build/route-preload-plugin.ts).
 */
import { OPINION_FORM, SEND_REQUESTED_ATTRIBUTE } from '../components/opinion-form-markers';
import { keepInPageLinksInPage } from './in-page-links';

export function captureEarlySends(): void {
  addEventListener(
    'click',
    (event) => {
      const button = event.target instanceof Element ? event.target.closest(`${OPINION_FORM} button`) : null;
      if (button instanceof HTMLButtonElement && button.type !== 'submit') {
        document.documentElement.setAttribute(SEND_REQUESTED_ATTRIBUTE, '');
      }
    },
    true,
  );
  keepInPageLinksInPage();
}
