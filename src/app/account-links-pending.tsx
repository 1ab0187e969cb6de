import { t } from '../i18n/i18n';

/**
 * Holds the place of "Log in" (invisible, hidden from assistive technology) until the session
 * is known, so that the header does not move when the links arrive.
 */
export function AccountLinksPending() {
  return (
    <li className="site-nav__pending" aria-hidden="true">
      {t('layout.login')}
    </li>
  );
}
