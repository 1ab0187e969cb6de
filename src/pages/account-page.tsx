import { useCallback, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { withFlash } from '../app/flash';
import { RequireUser } from '../app/guards';
import { useLogOutAndLeave } from '../app/log-out';
import { paths } from '../app/paths';
import { DeleteAccountForm } from '../components/delete-account-form';
import { EmailPreferencesForm } from '../components/email-preferences-form';
import { NewPasswordForm } from '../components/new-password-form';
import { ProfileForm, type ProfileValues } from '../components/profile-form';
import { QueryState } from '../components/ui/query-state';
import { clearFormDraft, loadFormDraft, saveFormDraft } from '../device/form-drafts';
import type { User } from '../domain/user';
import { useChangePassword, useDeleteAccount, useUpdateProfile } from '../queries/auth';
import { useEmailPreferences, useSaveEmailPreferences } from '../queries/email-preferences';
import { useSession } from '../queries/session';
import { t } from '../i18n/i18n';
import { useSiteName } from '../queries/site-name';

function Saved({ children }: { children: string }) {
  return (
    <div className="notice notice--success" role="status">
      <p>{children}</p>
    </div>
  );
}

function Details({ user }: { user: User }) {
  return (
    <dl className="details-list">
      <dt>{t('account.username')}</dt>
      <dd>{user.username}</dd>
      <dt>{t('account.email')}</dt>
      <dd>{user.email || t('details.email.none')}</dd>
      <dt>{t('details.status')}</dt>
      <dd>
        {user.emailVerified ? (
          t('details.verified')
        ) : (
          <>
            {t('details.unverified')} <Link to={paths.verifyEmail()}>{t('details.resend')}</Link>
          </>
        )}
      </dd>
      {user.isStaff ? (
        <>
          <dt>{t('details.access')}</dt>
          <dd>
            {t('details.staff')} <Link to={paths.dashboard()}>{t('details.dashboard')}</Link>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

function EditProfile({ user }: { user: User }) {
  const update = useUpdateProfile();
  const [saved, setSaved] = useState<string | null>(null);
  const draftKey = `profile:${user.id}`;
  const current: ProfileValues = { username: user.username, email: user.email };
  // What was typed before a session expired (or a reload) comes back.
  const defaultValues = { ...current, ...loadFormDraft(draftKey, ['username', 'email'] as const) };

  const keepDraft = useCallback(
    (values: ProfileValues) => {
      if (values.username === user.username && values.email === user.email) clearFormDraft(draftKey);
      else saveFormDraft(draftKey, { ...values });
    },
    [draftKey, user.username, user.email],
  );

  const submit = (values: ProfileValues) => {
    setSaved(null);
    const changes = {
      ...(values.username !== user.username ? { username: values.username } : {}),
      ...(values.email !== user.email ? { email: values.email } : {}),
    };
    if (Object.keys(changes).length === 0) {
      setSaved(t('profile.unchanged'));
      return;
    }
    update.mutate(changes, {
      onSuccess: (fresh) => {
        clearFormDraft(draftKey);
        setSaved(
          changes.email ? t('profile.saved.email', { email: fresh.email }) : t('profile.saved'),
        );
      },
    });
  };

  return (
    <section className="section" aria-labelledby="profile-title">
      <h2 id="profile-title">{t('profile.heading')}</h2>
      {saved ? <Saved>{saved}</Saved> : null}
      <ProfileForm
        // A saved change becomes the new starting point.
        key={`${user.username}\n${user.email}`}
        defaultValues={defaultValues}
        onChange={keepDraft}
        onSubmit={submit}
        pending={update.isPending}
        error={update.error}
      />
    </section>
  );
}

/** Staff choose the alerts and digests they receive (non-staff receive neither). */
function EmailChoices({ user }: { user: User }) {
  const preferences = useEmailPreferences(user.id);
  const save = useSaveEmailPreferences(user.id);
  return (
    <section className="section" aria-labelledby="emails-title">
      <h2 id="emails-title">{t('emails.heading')}</h2>
      {save.isSuccess ? <Saved>{t('emails.saved')}</Saved> : null}
      <QueryState query={preferences}>
        {(current) => (
          <EmailPreferencesForm
            // What the server stored becomes the new starting point.
            key={`${current.alerts}\n${current.digest}`}
            defaultValues={current}
            onSubmit={(chosen) => save.mutate(chosen)}
            pending={save.isPending}
            error={save.error}
          />
        )}
      </QueryState>
    </section>
  );
}

function ChangePassword({ user }: { user: User }) {
  const change = useChangePassword();
  const [done, setDone] = useState(0);
  return (
    <section className="section" aria-labelledby="password-title">
      <h2 id="password-title">{t('password.heading')}</h2>
      {done && change.isSuccess ? <Saved>{t('password.changed')}</Saved> : null}
      <NewPasswordForm
        label={t('password.heading')}
        askCurrent
        username={user.username}
        submitLabel={t('password.submit')}
        onSubmit={({ currentPassword, password }) =>
          change.mutate({ currentPassword, newPassword: password }, { onSuccess: () => setDone((n) => n + 1) })
        }
        pending={change.isPending}
        error={change.error}
        resetKey={done}
      />
    </section>
  );
}

function DeleteAccount({ user }: { user: User }) {
  const navigate = useNavigate();
  const remove = useDeleteAccount({
    leave: async () => {
      clearFormDraft(`profile:${user.id}`);
      await navigate(paths.home(), { replace: true, state: withFlash('deleted') });
    },
  });
  const [open, setOpen] = useState(false);
  return (
    <section className="section" aria-labelledby="delete-title">
      <h2 id="delete-title">{t('delete.heading')}</h2>
      <p>{t('delete.intro')}</p>
      {open ? (
        <DeleteAccountForm
          username={user.username}
          onSubmit={() => remove.mutate()}
          pending={remove.isPending}
          error={remove.error}
        />
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          {t('delete.open')}
        </button>
      )}
    </section>
  );
}

function ForUser({ user }: { user: User }) {
  const logOut = useLogOutAndLeave();
  return (
    <>
      <Details user={user} />
      <button type="button" className="button button--secondary" onClick={logOut.run} disabled={logOut.pending}>
        {logOut.pending ? t('account.loggingOut') : t('layout.logout')}
      </button>
      <EditProfile user={user} />
      {user.isStaff ? <EmailChoices user={user} /> : null}
      <ChangePassword user={user} />
      <DeleteAccount user={user} />
    </>
  );
}

/** The account of whoever is signed in; the route's guard sends anybody else to log in. */
export function Account() {
  const session = useSession();
  return (
    <QueryState query={session} loadingLabel={t('account.loading')}>
      {(user) => (user ? <ForUser user={user} /> : null)}
    </QueryState>
  );
}

export function AccountPage() {
  const site = useSiteName();
  return (
    <>
      <title>{t('title.account', { app: site })}</title>
      <h1>{t('account.heading')}</h1>
      <RequireUser>
        <Account />
      </RequireUser>
    </>
  );
}
