import { Link } from 'react-router-dom';
import { paths } from '../app/paths';
import { t } from '../i18n/i18n';
import { useSiteName } from '../queries/site-name';

export function NotFoundPage() {
  const site = useSiteName();
  return (
    <>
      <title>{t('title.notFound', { app: site })}</title>
      <h1>{t('notFound.heading')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to={paths.home()}>{t('notFound.home')}</Link>
      </p>
    </>
  );
}
