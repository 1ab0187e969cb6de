/** The staff members an email goes to, and how to send it through the server's email adapter. */
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../../src/domain/languages.ts';
import { readEmailPreferences, EMAIL_PREFERENCE_FIELDS, type EmailKind, type EmailPreferences } from '../../src/domain/email-preferences.ts';
import { STAFF_ROLE } from '../schema.ts';
import { DIGEST_SENT_FIELD } from './digest-sent.ts';
import { unsubscribeLinks } from './email-links.ts';
import { serverParse } from './parse-global.ts';

const Parse = serverParse();

export interface Recipient {
  readonly id: string;
  readonly email: string;
  readonly language: Language;
  readonly preferences: EmailPreferences;
  /** The end (ISO) of the last digest period they were sent, if any. */
  readonly sentDigestFor: string | null;
}

/** Far more staff than any venue has: one query reads them all. */
const STAFF_MAX = 1000;

/** Every staff member with a verified address, with their language and their choice of emails. */
export async function staffRecipients(): Promise<Recipient[]> {
  const role = await new Parse.Query(Parse.Role).equalTo('name', STAFF_ROLE).first({ useMasterKey: true });
  if (!role) return [];
  const users = await role.getUsers().query().equalTo('emailVerified', true).limit(STAFF_MAX).find({ useMasterKey: true });
  return users.flatMap((user) => {
    const email: unknown = user.get('email');
    const language: unknown = user.get('language');
    if (!user.id || typeof email !== 'string' || email === '') return [];
    const preferences = readEmailPreferences({
      alerts: user.get(EMAIL_PREFERENCE_FIELDS.alerts),
      digest: user.get(EMAIL_PREFERENCE_FIELDS.digest),
    });
    const sentDigestFor: unknown = user.get(DIGEST_SENT_FIELD);
    return [
      {
        id: user.id,
        email,
        language: isLanguage(language) ? language : DEFAULT_LANGUAGE,
        preferences,
        sentDigestFor: typeof sentDigestFor === 'string' ? sentDigestFor : null,
      },
    ];
  });
}

/**
 * Sends through Parse Server's email adapter (server/mail.ts locally, Back4App's there), with the
 * headers that let a mail client offer its own unsubscribe: one click (RFC 8058) where a server
 * answers it, else the app's page.
 */
export async function sendStaffMail(
  recipient: Recipient,
  kind: EmailKind,
  mail: (unsubscribe: string) => { subject: string; text: string; html: string },
): Promise<void> {
  const links = await unsubscribeLinks(recipient.id, kind, recipient.language);
  await Parse.Cloud.sendEmail({
    to: recipient.email,
    ...mail(links.page),
    headers: { 'List-Unsubscribe': `<${links.header}>`, ...(links.oneClick ? { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}) },
  });
}
