import { MailDev } from 'maildev';
import nodemailer from 'nodemailer';

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
}

/** A Parse Server email adapter that sends through real SMTP. */
export function smtpMailAdapter(options: { host: string; port: number; from: string }) {
  const transport = nodemailer.createTransport({
    host: options.host,
    port: options.port,
    secure: false,
    ignoreTLS: true,
  });
  return {
    async sendMail({ to, subject, text }: MailOptions) {
      // Parse Server fires verification and reset mails without awaiting them: a failure
      // here must be logged, not left as an unhandled rejection that stops the process.
      await transport.sendMail({ from: options.from, to, subject, text }).catch((error: unknown) => {
        console.error(`Could not send "${subject}" to ${to}: ${error instanceof Error ? error.message : String(error)}`);
      });
    },
  };
}
