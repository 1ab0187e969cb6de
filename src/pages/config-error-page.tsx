import { t } from '../i18n/i18n';

/** Shown instead of the app when its public configuration is missing or malformed. */
export function ConfigErrorPage({ problems }: { problems: readonly string[] }) {
  return (
    <main id="main" className="page">
      <title>{t('title.configError', { app: t('app.name') })}</title>
      <h1>{t('configError.heading')}</h1>
      <p>{t('configError.intro')}</p>
      {/* For whoever deploys the app: each problem names its setting as the README does, in English. */}
      <ul>
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
      <p>{t('configError.fix')}</p>
    </main>
  );
}
