/**
 * When this device last delivered an opinion to the server (sent at once or from the outbox):
 * the kiosk's staff menu shows it, as the sign that the tablet's opinions do arrive.
 */
export const LAST_DELIVERED_KEY = 'visitor-opinions:last-delivered';

export function noteDelivered(at = Date.now()): void {
  try {
    localStorage.setItem(LAST_DELIVERED_KEY, String(at));
  } catch {
    // Blocked storage: the menu says it does not know, the opinions arrive all the same.
  }
}

export function lastDeliveredAt(): number | null {
  try {
    const at = Number(localStorage.getItem(LAST_DELIVERED_KEY) ?? Number.NaN);
    return Number.isFinite(at) ? at : null;
  } catch {
    return null;
  }
}
