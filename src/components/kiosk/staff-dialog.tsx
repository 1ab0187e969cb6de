import { useEffect, useId, useRef, type FormEvent } from 'react';
import { KIOSK_LIMITS } from '../../domain/kiosk';

export interface DeviceOutbox {
  /** Opinions that wait on this device to be sent. */
  readonly waiting: number;
  /** Opinions the server refused: they wait for staff, their text never shown on the kiosk. */
  readonly refused: number;
  readonly lastDeliveredAt: Date | null;
}

function opinions(count: number): string {
  return count === 1 ? '1 opinion' : `${count} opinions`;
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
  const message = waiting
    ? `Too many wrong PINs. Try again in ${waitSecondsLeft} s.`
    : wrong > 0
      ? 'Wrong PIN.'
      : undefined;
  return (
    <form onSubmit={submit} noValidate aria-label="Staff PIN" data-kiosk-wrong={wrong}>
      <div className={message ? 'field field--error' : 'field'}>
        <label className="field__label" htmlFor="kiosk-pin">
          Exit PIN
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
        {checking ? 'Checking…' : 'Unlock'}
      </button>
    </form>
  );
}

function OutboxSummary({ outbox }: { outbox: DeviceOutbox }) {
  return (
    <ul className="kiosk-outbox">
      <li data-kiosk-waiting={outbox.waiting}>
        {outbox.waiting === 0 ? 'No opinion waits to be sent.' : `${opinions(outbox.waiting)} wait on this device to be sent.`}
      </li>
      {outbox.refused > 0 ? (
        <li data-kiosk-refused={outbox.refused}>
          {opinions(outbox.refused)} refused by the server {outbox.refused === 1 ? 'waits' : 'wait'} for staff: leave kiosk mode
          and open the visitor's form to see {outbox.refused === 1 ? 'it' : 'them'}.
        </li>
      ) : null}
      <li>
        {outbox.lastDeliveredAt ? (
          <>
            Last delivered:{' '}
            <time dateTime={outbox.lastDeliveredAt.toISOString()}>
              {outbox.lastDeliveredAt.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}
            </time>
            .
          </>
        ) : (
          'No opinion delivered from this device yet.'
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
        {unlocked ? 'Staff menu' : 'Staff only'}
      </h2>
      {unlocked ? (
        <>
          <OutboxSummary outbox={outbox} />
          <div className="kiosk-dialog__actions">
            <button type="button" className="button button--danger" onClick={onLeave}>
              Leave kiosk mode
            </button>
          </div>
        </>
      ) : (
        // A new step after each wrong PIN: the field empty again, and focused.
        <PinStep key={wrong} onPin={onPin} checking={checking} wrong={wrong} waitSecondsLeft={waitSecondsLeft} />
      )}
      <div className="kiosk-dialog__actions">
        <button type="button" className="button button--secondary" onClick={onClose}>
          Back to the form
        </button>
      </div>
    </dialog>
  );
}
