/**
 * The local server's account emails (verification and password reset) in the user's language:
 * the `language` the app saved on their `_User` (server/cloud/accounts.ts checks it), English
 * when they have none. Parse Server builds the links and hands them to the email adapter
 * (server/mail.ts); Back4App writes its own emails (docs/deploy.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGE_CODES, type Language } from '../src/domain/languages.ts';
import { mailDocument } from './mail-document.ts';

/** The app's name in each language, as its pages say it (the shell messages' `app.name`). */
const APP_NAMES = new Map(
  LANGUAGE_CODES.map((language) => {
    const catalog: unknown = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, `../src/i18n/messages/shell/${language}.json`), 'utf8'));
    const name = typeof catalog === 'object' && catalog !== null && 'app.name' in catalog ? catalog['app.name'] : undefined;
    if (typeof name !== 'string') throw new Error(`The ${language} shell messages have no app.name.`);
    return [language, name] as const;
  }),
);

/** The app's name in `language`; a name of the operator's own (APP_NAME) stays as it is. */
function appNameIn(language: Language, configured: string): string {
  return configured === APP_NAMES.get(DEFAULT_LANGUAGE) ? (APP_NAMES.get(language) ?? configured) : configured;
}

/** How long the links work: Parse Server's options (server/parse-app.ts) and the emails' words. */
export const VERIFY_LINK_HOURS = 24;
export const RESET_LINK_HOURS = 1;

/**
 * Parse Server's page parameter for the language (its pages router passes it on to every page
 * it redirects to): the app opens in it (src/i18n/language.ts, PAGE_LOCALE_PARAM).
 */
const LOCALE_PARAM = 'locale';

export type AccountMailKind = 'verify' | 'reset';

interface MailWords {
  readonly subject: string;
  /** Paragraphs before the link; the last one introduces it. */
  readonly before: readonly string[];
  readonly button: string;
  readonly after: string;
}

interface Facts {
  readonly app: string;
  readonly username: string;
  readonly email: string;
}

type Texts = Record<AccountMailKind, (facts: Facts) => MailWords>;

const TEXTS: Record<Language, Texts> = {
  en: {
    verify: ({ app, username, email }) => ({
      subject: `Verify your e-mail for ${app}`,
      before: [`Hi ${username},`, `Thanks for signing up for ${app}! Please confirm that ${email} is your email address:`],
      button: 'Confirm my email',
      after: `The link works for ${VERIFY_LINK_HOURS} hours. If you didn't sign up, just ignore this email.`,
    }),
    reset: ({ app, username }) => ({
      subject: `Password reset for ${app}`,
      before: [`Hi ${username},`, `Someone (hopefully you) asked to reset the password of your ${app} account. Choose a new one here:`],
      button: 'Choose a new password',
      after: `The link works for ${RESET_LINK_HOURS} hour. If you didn't ask, ignore this email: your password stays the same.`,
    }),
  },
  es: {
    verify: ({ app, username, email }) => ({
      subject: `Confirme su correo electrónico para ${app}`,
      before: [`Hola, ${username}:`, `¡Gracias por registrarse en ${app}! Confirme que ${email} es su dirección de correo:`],
      button: 'Confirmar mi correo',
      after: `El enlace es válido durante ${VERIFY_LINK_HOURS} horas. Si no se ha registrado, ignore este mensaje.`,
    }),
    reset: ({ app, username }) => ({
      subject: `Restablezca su contraseña de ${app}`,
      before: [`Hola, ${username}:`, `Hemos recibido una solicitud para restablecer la contraseña de su cuenta de ${app}. Elija una nueva aquí:`],
      button: 'Elegir una contraseña nueva',
      after: `El enlace es válido durante ${RESET_LINK_HOURS} hora. Si no lo ha pedido usted, ignore este mensaje: su contraseña no cambiará.`,
    }),
  },
  fr: {
    verify: ({ app, username, email }) => ({
      subject: `Confirmez votre adresse e-mail pour ${app}`,
      before: [`Bonjour ${username},`, `Merci pour votre inscription sur ${app}\u00a0! Confirmez que ${email} est bien votre adresse e-mail\u00a0:`],
      button: 'Confirmer mon adresse',
      after: `Ce lien est valable ${VERIFY_LINK_HOURS}\u00a0heures. Si vous n'êtes pas à l'origine de cette inscription, ignorez ce message.`,
    }),
    reset: ({ app, username }) => ({
      subject: `${app}\u00a0: réinitialisation de votre mot de passe`,
      before: [`Bonjour ${username},`, `Vous avez demandé à réinitialiser le mot de passe de votre compte ${app}. Choisissez-en un nouveau ici\u00a0:`],
      button: 'Choisir un nouveau mot de passe',
      after: `Ce lien est valable ${RESET_LINK_HOURS}\u00a0heure. Si vous n'avez rien demandé, ignorez ce message\u00a0: votre mot de passe reste inchangé.`,
    }),
  },
  ar: {
    verify: ({ app, username, email }) => ({
      subject: `أكِّد بريدك الإلكتروني في ${app}`,
      before: [`مرحبًا ${username}،`, `شكرًا لتسجيلك في ${app}! يُرجى تأكيد أن ${email} هو عنوان بريدك الإلكتروني:`],
      button: 'تأكيد بريدي الإلكتروني',
      after: `الرابط صالح لمدة ${VERIFY_LINK_HOURS} ساعة. إن لم تكن أنت من سجّل، فتجاهل هذه الرسالة.`,
    }),
    reset: ({ app, username }) => ({
      subject: `إعادة تعيين كلمة المرور في ${app}`,
      before: [`مرحبًا ${username}،`, `تلقّينا طلبًا لإعادة تعيين كلمة مرور حسابك في ${app}. اختر كلمة مرور جديدة من هنا:`],
      button: 'اختيار كلمة مرور جديدة',
      after: `الرابط صالح لمدة ساعة واحدة. إن لم تطلب ذلك، فتجاهل هذه الرسالة وستبقى كلمة مرورك كما هي.`,
    }),
  },
};

export interface AccountMailInput {
  readonly kind: AccountMailKind;
  readonly appName: string;
  /** Parse Server's link, with the token. */
  readonly link: string;
  readonly username: string;
  readonly email: string;
  /** The user's `language` as stored: anything else than a language the app speaks means English. */
  readonly language: unknown;
}

export interface AccountMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** The link with the language for the page Parse Server redirects to; a user without one gets the device's. */
function linkIn(link: string, language: Language | undefined): string {
  if (!language) return link;
  const url = new URL(link);
  url.searchParams.set(LOCALE_PARAM, language);
  return url.href;
}

/** The email, as plain text and as HTML (right to left in Arabic). */
export function accountMail({ kind, appName, link, username, email, language }: AccountMailInput): AccountMail {
  const known = isLanguage(language) ? language : undefined;
  const lang = known ?? DEFAULT_LANGUAGE;
  const words = TEXTS[lang][kind]({ app: appNameIn(lang, appName), username, email });
  const href = linkIn(link, known);
  const { text, html } = mailDocument({
    language: lang,
    subject: words.subject,
    before: words.before,
    link: { href, label: words.button },
    after: [words.after],
  });
  return { subject: words.subject, text, html };
}
