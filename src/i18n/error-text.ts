import { isAppErrorKind, type AppError, type AppErrorKind } from '../domain/errors';
import { USERNAME_LIMITS } from '../domain/account';
import { t } from './i18n';

/**
 * A failure in the user's language, from its kind: never the server's English. The pages that
 * show errors load the `errors` messages (the route manifest's `messages`).
 */
export function errorText(error: Pick<AppError, 'kind'> | AppErrorKind): string {
  const kind = typeof error === 'string' ? error : error.kind;
  return t(`error.${kind}`, { min: USERNAME_LIMITS.min, max: USERNAME_LIMITS.max });
}

/** An outbox entry's refusal: its kind, or (stored by an older version of the app) a sentence shown as it is. */
export function refusalText(rejectedBecause: string): string {
  return isAppErrorKind(rejectedBecause) ? errorText(rejectedBecause) : rejectedBecause;
}
