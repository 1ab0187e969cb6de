import { useEffect, useId, useRef, type FormEvent } from 'react';
import { KIOSK_LIMITS } from '../../domain/kiosk';
import { activeLanguage, t } from '../../i18n/i18n';

export interface DeviceOutbox {
  /** Opinions that wait on this device to be sent. */
  readonly waiting: number;
  /** Opinions the server refused: they wait for staff, their text never shown on the kiosk. */
  readonly refused: number;
  readonly lastDeliveredAt: Date | null;
}

function PinStep({
  onPin,
  checking,
  wrong,
  waitSecondsLeft,
}: {
  onPin: (pin: string) => void;
  checking: boolean;
  /** Wrong PINs since the dialog opened (0: none yet). */
  wrong: number;
  /** While the exit waits after too many wrong PINs: the seconds left. */
  waitSecondsLeft: number | null;
}) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const waiting = waitSecondsLeft !== null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const pin = input.current?.value ?? '';
    if (pin && !checking && !waiting) onPin(pin);
  };
  const message = waiting ? t('staff.pin.wait', { seconds: waitSecondsLeft }) : wrong > 0 ? t('staff.pin.wrong') : undefined;
  return (
    <form onSubmit={submit} noValidate aria-label={t('staff.pinForm')} data-kiosk-wrong={wrong}>
      <div className={message ? 'field field--error' : 'field'}>
        <label className="field__label" htmlFor="kiosk-pin">
          {t('staff.pin')}
        </label>
        {message ? (
          <span id="kiosk-pin-error" className="field__error" role="alert">
            {message}
          </span>
        ) : null}
        <input
          ref={input}
          id="kiosk-pin"
          className="input kiosk-short"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={KIOSK_LIMITS.pinMaxDigits}
          aria-describedby={message ? 'kiosk-pin-error' : undefined}
          aria-invalid={message ? true : undefined}
        />
      </div>
      <button type="submit" className="button" disabled={checking || waiting}>
        {checking ? t('staff.checking') : t('staff.unlock')}
      </button>
    </form>
  );
}

/** The date and time as the kiosk's language writes them (its own digits and order). */
function deliveredAt(date: Date): string {
  return new Intl.DateTimeFormat(activeLanguage(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

function OutboxSummary({ outbox }: { outbox: DeviceOutbox }) {
  return (
    <ul className="kiosk-outbox">
      <li data-kiosk-waiting={outbox.waiting}>
        {t('staff.waiting', { count: outbox.waiting })}
      </li>
      {outbox.refused > 0 ? (
        <li data-kiosk-refused={outbox.refused}>{t('staff.refused', { count: outbox.refused })}</li>
      ) : null}
      <li>
        {outbox.lastDeliveredAt ? (
          <time dateTime={outbox.lastDeliveredAt.toISOString()}>
            {t('staff.lastDelivered', { when: deliveredAt(outbox.lastDeliveredAt) })}
          </time>
        ) : (
          t('staff.noneDelivered')
        )}
      </li>
    </ul>
  );
}

/**
 * The kiosk's way out, for staff: a modal that asks for the exit PIN, then shows the device's
 * outbox and the way out of kiosk mode. Modal, so that nothing behind it takes a tap meanwhile.
 */
export function StaffDialog({
  unlocked,
  onPin,
  checking,
  wrong,
  waitSecondsLeft,
  outbox,
  onLeave,
  onClose,
}: {
  unlocked: boolean;
  onPin: (pin: string) => void;
  checking: boolean;
  wrong: number;
  waitSecondsLeft: number | null;
  outbox: DeviceOutbox;
  onLeave: () => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="kiosk-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="kiosk-dialog__title">
        {unlocked ? t('staff.menu') : t('staff.only')}
      </h2>
      {unlocked ? (
        <>
          <OutboxSummary outbox={outbox} />
          <div className="kiosk-dialog__actions">
            <button type="button" className="button button--danger" onClick={onLeave}>
              {t('staff.leave')}
            </button>
          </div>
        </>
      ) : (
        // A new step after each wrong PIN: the field empty again, and focused.
        <PinStep key={wrong} onPin={onPin} checking={checking} wrong={wrong} waitSecondsLeft={waitSecondsLeft} />
      )}
      <div className="kiosk-dialog__actions">
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('staff.back')}
        </button>
      </div>
    </dialog>
  );
}
