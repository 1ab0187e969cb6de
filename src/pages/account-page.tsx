import { useCallback, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { FLASH_TEXT, withFlash } from '../app/flash';
import { RequireUser } from '../app/guards';
import { useLogOutAndLeave } from '../app/log-out';
import { paths } from '../app/paths';
import { DeleteAccountForm } from '../components/delete-account-form';
import { NewPasswordForm } from '../components/new-password-form';
import { ProfileForm, type ProfileValues } from '../components/profile-form';
import { QueryState } from '../components/ui/query-state';
import { clearFormDraft, loadFormDraft, saveFormDraft } from '../device/form-drafts';
import type { User } from '../domain/user';
import { useChangePassword, useDeleteAccount, useUpdateProfile } from '../queries/auth';
import { useSession } from '../queries/session';

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
      <dt>Username</dt>
      <dd>{user.username}</dd>
      <dt>Email address</dt>
      <dd>{user.email || 'None'}</dd>
      <dt>Email status</dt>
      <dd>
        {user.emailVerified ? (
          'Verified'
        ) : (
          <>
            Not verified yet. <Link to={paths.verifyEmail()}>Send the verification link again</Link>
          </>
        )}
      </dd>
      {user.isStaff ? (
        <>
          <dt>Access</dt>
          <dd>
            Staff: <Link to={paths.dashboard()}>open the dashboard</Link>
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
      setSaved('Nothing to save: your details are as they were.');
      return;
    }
    update.mutate(changes, {
      onSuccess: (fresh) => {
        clearFormDraft(draftKey);
        setSaved(
          changes.email
            ? `Your details are saved. We sent a link to ${fresh.email}: open it to verify your new address.`
            : 'Your details are saved.',
        );
      },
    });
  };

  return (
    <section className="section" aria-labelledby="profile-title">
      <h2 id="profile-title">Change your details</h2>
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

function ChangePassword({ user }: { user: User }) {
  const change = useChangePassword();
  const [done, setDone] = useState(0);
  return (
    <section className="section" aria-labelledby="password-title">
      <h2 id="password-title">Change your password</h2>
      {done && change.isSuccess ? <Saved>Your password is changed. Every other device where you were logged in is logged out.</Saved> : null}
      <NewPasswordForm
        label="Change your password"
        askCurrent
        username={user.username}
        submitLabel="Change my password"
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
      await navigate(paths.home(), { replace: true, state: withFlash(FLASH_TEXT.deleted) });
    },
  });
  const [open, setOpen] = useState(false);
  return (
    <section className="section" aria-labelledby="delete-title">
      <h2 id="delete-title">Delete your account</h2>
      <p>Your account and your login go for good. Opinions you left stay, as they were sent without an account.</p>
      {open ? (
        <DeleteAccountForm
          username={user.username}
          onSubmit={() => remove.mutate()}
          pending={remove.isPending}
          error={remove.error}
        />
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          I want to delete my account
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
        {logOut.pending ? 'Logging out…' : 'Log out'}
      </button>
      <EditProfile user={user} />
      <ChangePassword user={user} />
      <DeleteAccount user={user} />
    </>
  );
}

/** The account of whoever is signed in; the route's guard sends anybody else to log in. */
export function Account() {
  const session = useSession();
  return (
    <QueryState query={session} loadingLabel="Loading your account…">
      {(user) => (user ? <ForUser user={user} /> : null)}
    </QueryState>
  );
}

export function AccountPage() {
  return (
    <>
      <title>Your account · Visitor Opinions</title>
      <h1>Your account</h1>
      <RequireUser>
        <Account />
      </RequireUser>
    </>
  );
}
