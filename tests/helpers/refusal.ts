/**
 * How the app tells a user of a refusal: its kind, and the words an English reader sees
 * (src/i18n/error-text.ts, the `errors` messages), never the server's own text.
 */
import { isAppErrorKind } from '../../src/domain/errors';
import { errorText } from '../../src/i18n/error-text';
import { loadMessages } from '../../src/i18n/i18n';

export async function refusalOf(work: Promise<unknown>): Promise<{ kind: string; words: string }> {
  const error = await work.then(
    () => {
      throw new Error('It was not refused.');
    },
    (caught: unknown) => caught,
  );
  const kind: unknown = typeof error === 'object' && error !== null && 'kind' in error ? error.kind : undefined;
  if (!isAppErrorKind(kind)) throw error;
  await loadMessages('en', 'errors');
  return { kind, words: errorText(kind) };
}
