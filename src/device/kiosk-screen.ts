/**
 * The tablet's screen in kiosk mode: full screen on a tap, kept awake. Browsers without either
 * (Safari on iPad has neither for a web page) are named at set-up, with what to do instead.
 */
export interface ScreenSupport {
  readonly fullScreen: boolean;
  readonly wakeLock: boolean;
}

export function screenSupport(): ScreenSupport {
  return {
    fullScreen: document.fullscreenEnabled === true && typeof document.documentElement.requestFullscreen === 'function',
    wakeLock: 'wakeLock' in navigator && window.isSecureContext,
  };
}

/**
 * Asks for full screen at each tap while not in it: browsers grant it only in answer to a
 * gesture, and a visitor may have left it (a swipe, Escape). Returns what stops asking.
 */
export function fullScreenOnTap(): () => void {
  const ask = () => {
    if (!screenSupport().fullScreen || document.fullscreenElement) return;
    // Refused (a frame without permission, a browser policy): the kiosk works in a window too.
    document.documentElement.requestFullscreen().catch(() => undefined);
  };
  document.addEventListener('pointerdown', ask, { capture: true });
  return () => document.removeEventListener('pointerdown', ask, { capture: true });
}

/**
 * Keeps the screen on. The browser drops the lock whenever the page is hidden (another app, the
 * screen switched off), so it is taken again each time the page becomes visible. Returns what
 * releases it.
 */
export function keepScreenAwake(): () => void {
  if (!screenSupport().wakeLock) return () => undefined;
  let sentinel: WakeLockSentinel | undefined;
  let stopped = false;
  const take = () => {
    if (document.visibilityState !== 'visible') return;
    navigator.wakeLock.request('screen').then(
      (taken) => {
        if (stopped) void taken.release();
        else sentinel = taken;
      },
      // Refused (low battery, a policy): the screen follows the tablet's own settings.
      () => undefined,
    );
  };
  take();
  document.addEventListener('visibilitychange', take);
  return () => {
    stopped = true;
    document.removeEventListener('visibilitychange', take);
    void sentinel?.release();
  };
}
