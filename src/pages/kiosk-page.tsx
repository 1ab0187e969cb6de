import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { Link } from 'react-router-dom';
import { RequireStaff } from '../app/guards';
import { LanguageSwitcher } from '../app/language-switcher';
import { paths } from '../app/paths';
import { KioskSetupForm } from '../components/kiosk/kiosk-setup-form';
import { StaffDialog } from '../components/kiosk/staff-dialog';
import { OpinionForm } from '../components/opinion-form';
import { newSubmissionId } from '../device/drafts';
import { applyKioskLanguage, chooseVisitorLanguage, dropVisitorLanguageMark, isVisitorLanguagePage } from '../device/kiosk-language';
import { canHashPin, hashPin, pinMatches } from '../device/kiosk-pin';
import { fullScreenOnTap, keepScreenAwake, screenSupport } from '../device/kiosk-screen';
import { atUpdateMoment } from '../device/service-worker';
import {
  clearVisitorTraces,
  noteRightPin,
  noteWrongPin,
  pinWaitUntil,
  readKiosk,
  removeKiosk,
  saveKiosk,
  subscribeToKiosk,
  turnKioskOn,
  type Kiosk,
} from '../device/kiosk-store';
import { AppError } from '../domain/errors';
import { KIOSK_LIMITS, validateKioskSetup, type KioskPreferences, type KioskSetupInput } from '../domain/kiosk';
import type { Language } from '../domain/languages';
import type { OpinionDraft, ValidOpinion } from '../domain/opinion';
import { submissionIdFor } from '../domain/submission-id';
import { useLogOut } from '../queries/auth';
import { useOutboxStatus } from '../queries/outbox';
import { errorText } from '../i18n/error-text';
import { t } from '../i18n/i18n';
import { useSubmitOpinion, type SubmitOutcome } from '../queries/submit-opinion';
import '../components/kiosk/kiosk.css';
import { useSiteName } from '../queries/site-name';

const EMPTY_FORM: OpinionDraft = { name: '', comment: '', willReturn: null };

/** What counts as a visitor still being there. */
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'input', 'wheel', 'touchmove'] as const;

/** A span of time on the page's clock (Date.now, which Playwright's clock drives in the tests). */
interface Span {
  readonly from: number;
  readonly until: number;
}

/**
 * Whole seconds left until `span.until`, ticking each second, and `onEnd` once it is over (and
 * each second after, until the span changes); null without a span.
 */
function useSecondsLeft(span: Span | null, onEnd: () => void): number | null {
  const [tick, setTick] = useState<{ span: Span; now: number } | null>(null);
  const end = useRef(onEnd);
  useEffect(() => {
    end.current = onEnd;
  }, [onEnd]);
  useEffect(() => {
    if (!span) return undefined;
    const timer = window.setInterval(() => {
      const now = Date.now();
      setTick({ span, now });
      if (now >= span.until) end.current();
    }, 1000);
    return () => window.clearInterval(timer);
  }, [span]);
  if (!span) return null;
  const now = tick?.span === span ? tick.now : span.from;
  return Math.max(0, Math.ceil((span.until - now) / 1000));
}

/**
 * When the visitor of `visitor` last did something (tapped, typed, scrolled), to the second; null
 * while they have done nothing: an untouched form has nothing to clear, and no warning to show.
 */
function useLastActivity(visitor: string): [number | null, () => void] {
  const [last, setLast] = useState<{ visitor: string; at: number } | null>(null);
  const seen = useCallback(() => {
    const now = Date.now();
    // A keystroke is activity, but need not re-render the page each time.
    setLast((previous) => (previous?.visitor === visitor && now - previous.at < 1000 ? previous : { visitor, at: now }));
  }, [visitor]);
  useEffect(() => {
    for (const type of ACTIVITY_EVENTS) document.addEventListener(type, seen, { capture: true, passive: true });
    return () => {
      for (const type of ACTIVITY_EVENTS) document.removeEventListener(type, seen, { capture: true });
    };
  }, [seen]);
  return [last?.visitor === visitor ? last.at : null, seen];
}

function KioskThanks({ outcome, secondsLeft, onDone }: { outcome: SubmitOutcome; secondsLeft: number | null; onDone: () => void }) {
  const site = useSiteName();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="thanks-title" className="kiosk-thanks">
      <title>{t('title.thanks', { app: site })}</title>
      <h1 id="thanks-title" ref={heading} tabIndex={-1}>
        {t('thanks.sent.heading')}
      </h1>
      <p>{outcome === 'sent' ? t('thanks.sent.body') : t('kiosk.saved')}</p>
      <p className="muted">{t('kiosk.nextIn', { seconds: secondsLeft ?? 0 })}</p>
      <button type="button" className="button" onClick={onDone}>
        {t('kiosk.done')}
      </button>
    </section>
  );
}

function StillThere({ secondsLeft, onStay }: { secondsLeft: number; onStay: () => void }) {
  return (
    <div className="kiosk-still-there">
      <p className="kiosk-still-there__title" role="alert">
        {t('kiosk.stillThere.title')}
      </p>
      <p>{t('kiosk.stillThere.body', { seconds: secondsLeft })}</p>
      <button type="button" className="button" onClick={onStay}>
        {t('kiosk.stillThere.stay')}
      </button>
    </div>
  );
}

/**
 * The staff's way out: the PIN (with the wait after too many wrong ones, kept on the device),
 * then the device's outbox and the exit.
 */
function useStaffExit(kiosk: Kiosk) {
  const [stage, setStage] = useState<'closed' | 'pin' | 'menu'>('closed');
  const [checking, setChecking] = useState(false);
  const [wrong, setWrong] = useState(0);
  const [wait, setWait] = useState<Span | null>(null);
  const waitSecondsLeft = useSecondsLeft(wait, () => setWait(null));
  const waitFromStore = () => {
    const now = Date.now();
    const until = pinWaitUntil(now);
    setWait(until === null ? null : { from: now, until });
    return until !== null;
  };
  return {
    stage,
    checking,
    wrong,
    waitSecondsLeft,
    open: () => {
      waitFromStore();
      setWrong(0);
      setStage('pin');
    },
    close: () => setStage('closed'),
    tryPin: (pin: string) => {
      // Another tab, or the time before a reload, may have used up the tries.
      if (waitFromStore()) return;
      setChecking(true);
      void pinMatches(pin, kiosk.pin)
        .then((right) => {
          if (right) {
            noteRightPin();
            setStage('menu');
            return;
          }
          noteWrongPin();
          waitFromStore();
          setWrong((count) => count + 1);
        })
        .finally(() => setChecking(false));
    },
  };
}

/** Kiosk mode: one visitor after another, nothing of one shown to the next. */
function KioskMode({ kiosk }: { kiosk: Kiosk }) {
  const site = useSiteName();
  const { preferences } = kiosk;
  const [visitor, setVisitor] = useState(newSubmissionId);
  const [outcome, setOutcome] = useState<{ result: SubmitOutcome; span: Span } | null>(null);
  const submit = useSubmitOpinion();
  const { reset: resetSubmit } = submit;
  const outbox = useOutboxStatus();
  const staff = useStaffExit(kiosk);
  const { close: closeStaff } = staff;
  const heading = useRef<HTMLHeadingElement>(null);
  // A second tap or Enter before React re-renders must not send twice, nor a reset drop what is on its way.
  const submitting = useRef(false);
  const [lastActivity, seen] = useLastActivity(visitor);
  // This page is the one the visitor asked for in their language: it goes on with their visit.
  const visitorsLanguage = useRef(isVisitorLanguagePage());

  const reset = useCallback(() => {
    // What is being sent keeps going (to the server or the outbox); only the next visitor's screen waits for it.
    if (submitting.current) return;
    visitorsLanguage.current = false;
    clearVisitorTraces();
    applyKioskLanguage(preferences);
    resetSubmit();
    setOutcome(null);
    closeStaff();
    setVisitor(newSubmissionId());
    window.scrollTo(0, 0);
  }, [preferences, resetSubmit, closeStaff]);

  useEffect(() => {
    if (visitorsLanguage.current) {
      dropVisitorLanguageMark();
      // Choosing is doing something: a visitor who then walks away leaves a form the idle reset clears.
      seen();
      return;
    }
    // A reload in the middle of a visit starts the next one.
    clearVisitorTraces();
    applyKioskLanguage(preferences);
  }, [preferences, seen]);
  useEffect(() => fullScreenOnTap(), []);
  useEffect(() => keepScreenAwake(), []);
  useEffect(() => heading.current?.focus({ preventScroll: true }), [visitor]);
  // Each reset, once the empty form is on screen: the moment a waiting new version is taken (not
  // the page a visitor asked for in their language, whose reload would start the next visitor).
  useEffect(() => {
    if (!visitorsLanguage.current) void atUpdateMoment('reset', { kiosk: true });
  }, [visitor]);

  const thanksSecondsLeft = useSecondsLeft(outcome?.span ?? null, reset);
  const idleResetMs = preferences.idleResetSeconds * 1000;
  const idleSpan = useMemo(
    () => (outcome || lastActivity === null ? null : { from: lastActivity, until: lastActivity + idleResetMs }),
    [outcome, lastActivity, idleResetMs],
  );
  const idleSecondsLeft = useSecondsLeft(idleSpan, reset);

  const send = (opinion: ValidOpinion, { honeypot }: { honeypot: string }) => {
    if (submitting.current) return;
    const thanked = (result: SubmitOutcome) => {
      const now = Date.now();
      setOutcome({ result, span: { from: now, until: now + preferences.thanksResetSeconds * 1000 } });
    };
    // A bot filled the hidden field: thank it and store nothing.
    if (honeypot) return thanked('sent');
    submitting.current = true;
    submit.mutate(
      { ...opinion, submissionId: submissionIdFor(visitor, opinion) },
      {
        onSuccess: thanked,
        onSettled: () => {
          submitting.current = false;
        },
      },
    );
  };

  // The page becomes the set-up again, whose guard sends whoever is there to log in, and back.
  const leave = () => {
    if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
    removeKiosk();
  };

  // A visitor's language never cuts short what they are sending.
  const chooseLanguage = (language: Language) => {
    if (!submitting.current) chooseVisitorLanguage(language);
  };

  const error = submit.error;
  const fieldErrors = error?.kind === 'validation' ? error.fields : undefined;

  return (
    <div className="kiosk">
      <button type="button" className="kiosk-staff-button" aria-label={t('staff.button')} onClick={staff.open}>
        <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
          <path fill="currentColor" d="M12 2a5 5 0 0 0-5 5v3H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8a2 2 0 0 0-2-2h-1V7a5 5 0 0 0-5-5Zm-3 8V7a3 3 0 1 1 6 0v3H9Z" />
        </svg>
      </button>

      {outcome ? (
        <KioskThanks outcome={outcome.result} secondsLeft={thanksSecondsLeft} onDone={reset} />
      ) : (
        <>
          <title>{t('title.form', { app: site })}</title>
          <LanguageSwitcher onChoose={chooseLanguage} />
          <h1 ref={heading} tabIndex={-1}>
            {t('feedback.heading')}
          </h1>
          <p>{t('feedback.intro')}</p>
          {error && !fieldErrors ? (
            <div className="notice notice--error" role="alert">
              <p>{errorText(error)}</p>
            </div>
          ) : null}
          <OpinionForm key={visitor} defaultValues={EMPTY_FORM} onSubmit={send} pending={submit.isPending} serverErrors={fieldErrors} />
          {idleSecondsLeft !== null && idleSecondsLeft <= KIOSK_LIMITS.idleWarningSeconds ? (
            <StillThere secondsLeft={idleSecondsLeft} onStay={seen} />
          ) : null}
        </>
      )}

      {staff.stage === 'closed' ? null : (
        <StaffDialog
          unlocked={staff.stage === 'menu'}
          onPin={staff.tryPin}
          checking={staff.checking}
          wrong={staff.wrong}
          waitSecondsLeft={staff.waitSecondsLeft}
          outbox={{
            waiting: outbox.data?.waiting ?? 0,
            refused: outbox.data?.rejected.length ?? 0,
            lastDeliveredAt: outbox.data?.lastDeliveredAt ? new Date(outbox.data.lastDeliveredAt) : null,
          }}
          onLeave={leave}
          onClose={staff.close}
        />
      )}
    </div>
  );
}

// This device could not keep the kiosk's settings (a private window, storage blocked).
const SETUP_FAILED = new AppError('unknown');

/** Set-up, by staff: the settings, then their session ends and kiosk mode starts. */
function KioskSetup() {
  const site = useSiteName();
  const support = screenSupport();
  const [preparing, setPreparing] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  // Kiosk mode is on before the user is forgotten: this page then shows the form, not the log-in.
  const logOut = useLogOut({ leave: turnKioskOn });

  const start = (values: KioskSetupInput) => {
    const result = validateKioskSetup(values);
    if (!result.ok) return;
    const { pin, ...preferences } = result.value;
    setPreparing(true);
    setError(null);
    void keep(preferences, pin).then((kept) => {
      if (kept) logOut.mutate();
      else {
        setError(SETUP_FAILED);
        setPreparing(false);
      }
    });
  };

  return (
    <div className="kiosk">
      <title>{t('kioskSetup.title', { app: site })}</title>
      <p>
        <Link to={paths.dashboard()}>{t('kioskSetup.back')}</Link>
      </p>
      <h1>{t('kioskSetup.heading')}</h1>
      <p>{t('kioskSetup.intro')}</p>
      {support.fullScreen ? null : (
        <div className="notice notice--warning" role="status">
          <p>{t('kioskSetup.noFullScreen')}</p>
        </div>
      )}
      {support.wakeLock ? null : (
        <div className="notice notice--warning" role="status">
          <p>{t('kioskSetup.noWakeLock')}</p>
        </div>
      )}
      {canHashPin() ? (
        <KioskSetupForm onSubmit={start} pending={preparing || logOut.isPending} error={error} />
      ) : (
        <div className="notice notice--error" role="alert">
          <p>{t('kioskSetup.insecure')}</p>
        </div>
      )}
    </div>
  );
}

/** The settings, with the PIN hashed, kept on the device (kiosk mode not on yet); false when it refuses. */
async function keep(preferences: KioskPreferences, pin: string): Promise<boolean> {
  try {
    saveKiosk({ preferences, pin: await hashPin(pin), on: false });
    return true;
  } catch {
    return false;
  }
}

/** `/kiosk`: set-up for staff, then kiosk mode until staff leave it with the PIN. */
export function KioskPage() {
  const kiosk = useSyncExternalStore(subscribeToKiosk, readKiosk, () => null);
  if (kiosk?.on) return <KioskMode kiosk={kiosk} />;
  return (
    <RequireStaff>
      <KioskSetup />
    </RequireStaff>
  );
}
