import { useState } from 'react';
import { Link } from 'react-router-dom';
import { RequireStaff } from '../app/guards';
import { paths } from '../app/paths';
import { formValuesOf, VenueSettingsForm } from '../components/venue-settings-form';
import { QueryState } from '../components/ui/query-state';
import '../components/venue-settings.css';
import { t } from '../i18n/i18n';
import { useSaveVenueSettings, useVenueSettings } from '../queries/venue';
import { useSiteName } from '../queries/site-name';

function VenueSettings() {
  const settings = useVenueSettings();
  const save = useSaveVenueSettings();
  const [saved, setSaved] = useState(false);
  return (
    <QueryState query={settings} loadingLabel={t('settings.loading')}>
      {(current) => (
        <>
          {saved ? (
            <div className="notice notice--success" role="status">
              <p>{t('settings.saved')}</p>
            </div>
          ) : null}
          <VenueSettingsForm
            // What was saved becomes the new starting point; a failed save keeps what was typed.
            key={JSON.stringify(current)}
            defaultValues={formValuesOf(current)}
            onSubmit={(changed) => {
              setSaved(false);
              save.mutate(changed, { onSuccess: () => setSaved(true) });
            }}
            pending={save.isPending}
            error={save.error}
          />
        </>
      )}
    </QueryState>
  );
}

/** The venue's settings, for staff: its name, time zone, alert rule and retention period. */
export function SettingsPage() {
  const site = useSiteName();
  return (
    <RequireStaff>
      <title>{t('title.settings', { app: site })}</title>
      <p>
        <Link to={paths.dashboard()}>{t('settings.back')}</Link>
      </p>
      <h1>{t('settings.heading')}</h1>
      <VenueSettings />
    </RequireStaff>
  );
}
