/**
 * How code outside React finds the visitor's form before it has hydrated (index.html's
 * click-capture script, src/app/prerendered-form.ts): by data attributes, never by its
 * accessible name or visible text, which change with the language.
 */

/** On the visitor's `<form>`. */
export const OPINION_FORM_ATTRIBUTE = 'data-opinion-form';

/** Selects the visitor's form. */
export const OPINION_FORM = `form[${OPINION_FORM_ATTRIBUTE}]`;

/** Set on `<html>` by a click on Send before the form can send (index.html's inline script). */
export const SEND_REQUESTED_ATTRIBUTE = 'data-send-requested';
