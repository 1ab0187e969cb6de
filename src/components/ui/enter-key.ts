import type { KeyboardEvent } from 'react';

/**
 * A text field that acts on Enter without submitting the form around it (the dashboard's search
 * and tag fields commit what was typed; the form's own submit is for the whole form).
 */
export function onEnterKey(act: () => void) {
  return (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    act();
  };
}
