/**
 * The small page that an unsubscribe link (server/cloud/email-links.ts) opens, in the user's
 * language: what was switched off and where to switch it on again.
 */
import type { EmailKind } from '../src/domain/email-preferences.ts';
import type { Language } from '../src/domain/languages.ts';
import { mailDocument } from './mail-document.ts';

interface PageWords {
  readonly title: string;
  readonly done: Record<EmailKind, string>;
  readonly refused: string;
  readonly account: string;
}

const WORDS: Record<Language, PageWords> = {
  en: {
    title: 'Email preferences',
    done: {
      alerts: 'You will no longer receive alerts by email.',
      digest: 'You will no longer receive the summary of opinions by email.',
    },
    refused: 'This link is not valid, so nothing was changed. You can choose your emails on your account page.',
    account: 'Your account',
  },
  es: {
    title: 'Preferencias de correo',
    done: {
      alerts: 'Ya no recibirás alertas por correo electrónico.',
      digest: 'Ya no recibirás el resumen de opiniones por correo electrónico.',
    },
    refused: 'Este enlace no es válido, así que no se ha cambiado nada. Puedes elegir qué correos recibir en la página de tu cuenta.',
    account: 'Tu cuenta',
  },
  fr: {
    title: 'Préférences d’e-mail',
    done: {
      alerts: 'Vous ne recevrez plus d’alertes par e-mail.',
      digest: 'Vous ne recevrez plus le résumé des avis par e-mail.',
    },
    refused: 'Ce lien n’est pas valide\u00a0: rien n’a été modifié. Vous pouvez choisir vos e-mails sur la page de votre compte.',
    account: 'Votre compte',
  },
  ar: {
    title: 'إعدادات البريد الإلكتروني',
    done: {
      alerts: 'لن تصلك التنبيهات عبر البريد الإلكتروني بعد الآن.',
      digest: 'لن يصلك ملخص الآراء عبر البريد الإلكتروني بعد الآن.',
    },
    refused: 'هذا الرابط غير صالح، لذا لم يتغير شيء. يمكنك اختيار الرسائل التي تصلك من صفحة حسابك.',
    account: 'حسابك',
  },
};

/** The page as HTML: `kind` switched off, or null when the link was refused. */
export function unsubscribePage(language: Language, kind: EmailKind | null, accountHref: string): string {
  const words = WORDS[language];
  return mailDocument({
    language,
    subject: words.title,
    before: [kind ? words.done[kind] : words.refused],
    link: { href: accountHref, label: words.account },
    after: [],
  }).html;
}
