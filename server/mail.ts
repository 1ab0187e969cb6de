import { MailDev } from 'maildev';
import nodemailer from 'nodemailer';
import { accountMail, type AccountMailKind } from './account-mail.ts';

export interface MailCatcher {
  stop(): Promise<void>;
}

/** The local mail catcher: SMTP in, a web page and a JSON API (/api/email) out. */
export async function startMailCatcher(smtpPort: number, webPort: number, mailDirectory: string): Promise<MailCatcher> {
  const maildev = new MailDev({
    smtp: smtpPort,
    web: webPort,
    mailDirectory,
    silent: true,
    ip: '127.0.0.1',
    webIp: '127.0.0.1',
  });
  await maildev.start();
  return { stop: () => maildev.stop() };
}

interface MailOptions {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** List-Unsubscribe and its one-click companion on staff emails (server/cloud/staff-recipients.ts). */
  headers?: Record<string, string>;
}

/** What Parse Server hands the adapter for an account email: its user is a Parse.Object. */
interface AccountMailOptions {
  link: string;
  appName: string;
  user: { get(key: string): unknown };
}

const stringOf = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * A Parse Server email adapter that sends through real SMTP, with the account emails in the
 * user's language (account-mail.ts) instead of Parse Server's English ones.
 */
export function smtpMailAdapter(options: { host: string; port: number; from: string }) {
  const transport = nodemailer.createTransport({
    host: options.host,
    port: options.port,
    secure: false,
    ignoreTLS: true,
  });
  async function sendMail({ to, subject, text, html, headers }: MailOptions) {
    // Parse Server fires verification and reset mails without awaiting them: a failure
    // here must be logged, not left as an unhandled rejection that stops the process.
    await transport.sendMail({ from: options.from, to, subject, text, html, headers }).catch((error: unknown) => {
      console.error(`Could not send "${subject}" to ${to}: ${error instanceof Error ? error.message : String(error)}`);
    });
  }
  const sendAccountMail = (kind: AccountMailKind) => async ({ link, appName, user }: AccountMailOptions) => {
    const email = stringOf(user.get('email'));
    const username = stringOf(user.get('username'));
    const mail = accountMail({ kind, appName, link, username, email, language: user.get('language') });
    // As Parse Server's own: an account without an email has its username as the address.
    await sendMail({ to: email || username, ...mail });
  };
  return {
    sendMail,
    sendVerificationEmail: sendAccountMail('verify'),
    sendPasswordResetEmail: sendAccountMail('reset'),
  };
}
