/** Reads the mail catcher's JSON API (maildev's /api/email) from tests. */

export interface CaughtMail {
  id: string;
  subject: string;
  text: string;
  /** The HTML part, when the mail has one. */
  html?: string;
  to: { address: string }[];
  time: string;
}

async function allMail(mailURL: string): Promise<CaughtMail[]> {
  const response = await fetch(`${mailURL}/api/email`);
  if (!response.ok) throw new Error(`The mail catcher answered ${response.status}.`);
  return (await response.json()) as CaughtMail[];
}

export async function mailTo(mailURL: string, address: string, subject?: RegExp): Promise<CaughtMail[]> {
  const wanted = address.toLowerCase();
  return (await allMail(mailURL))
    .filter((mail) => mail.to.some((recipient) => recipient.address.toLowerCase() === wanted))
    .filter((mail) => !subject || subject.test(mail.subject))
    .sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
}

/**
 * Waits for the newest mail to `address` (whose subject matches, when given) that is not one
 * of `seen` (ids of mails that were already there), and returns it.
 */
export async function waitForMail(
  mailURL: string,
  address: string,
  options: { subject?: RegExp; seen?: readonly string[]; timeoutMs?: number } = {},
): Promise<CaughtMail> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  const seen = new Set(options.seen ?? []);
  for (;;) {
    const fresh = (await mailTo(mailURL, address, options.subject)).filter((mail) => !seen.has(mail.id));
    const newest = fresh.at(-1);
    if (newest) return newest;
    if (Date.now() > deadline) throw new Error(`No mail to ${address} arrived in time.`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The first link in a mail's text. */
export function linkIn(mail: CaughtMail): string {
  const link = /https?:\/\/\S+/.exec(mail.text)?.[0];
  if (!link) throw new Error(`The mail "${mail.subject}" has no link.`);
  return link;
}

export const VERIFY_SUBJECT = /verify your e-mail/i;
export const RESET_SUBJECT = /password reset/i;

/** A header of a caught mail, read from its source (MailDev's JSON lists only a few). */
export async function mailHeader(mailURL: string, mail: CaughtMail, name: string): Promise<string | undefined> {
  const response = await fetch(`${mailURL}/api/email/${mail.id}/source`);
  if (!response.ok) throw new Error(`The mail catcher answered ${response.status}.`);
  const source = await response.text();
  // The header block ends at the first empty line; a folded header goes on after a line break and a space.
  const head = source.split(/\r?\n\r?\n/)[0] ?? '';
  const lines = head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/);
  const prefix = `${name.toLowerCase()}:`;
  return lines.find((line) => line.toLowerCase().startsWith(prefix))?.slice(prefix.length).trim();
}
