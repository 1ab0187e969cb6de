/**
 * The emails staff choose to receive (src/domain/email-preferences.ts): an alert when many
 * visitors say they will not come back, in the reader's language (their `_User.language`,
 * English when they have none). Each ends with its one-click unsubscribe link.
 */
import type { Language } from '../src/domain/languages.ts';
import { mailDocument, type MailLink } from './mail-document.ts';

/** As the app formats them (src/i18n/format.ts): English with the day first. */
const LOCALES: Readonly<Record<Language, string>> = { en: 'en-GB', es: 'es', fr: 'fr', ar: 'ar' };

export interface StaffMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export interface AlertFacts {
  readonly venue: string;
  readonly windowMinutes: number;
  /** Opinions in the window, and how many of them will not come back. */
  readonly count: number;
  readonly wontReturn: number;
  /** The rule: at least this many opinions, at least this share (in %) not coming back. */
  readonly minimumCount: number;
  readonly thresholdPercent: number;
}

interface Numbers {
  readonly count: string;
  readonly wontReturn: string;
  readonly minutes: string;
  readonly minimum: string;
  readonly share: string;
  readonly threshold: string;
}

interface AlertWords {
  readonly subject: string;
  readonly before: readonly string[];
  readonly button: string;
  readonly why: string;
  readonly stop: string;
}

/** Picks the word for a count by the language's plural rules ("1 visitor", "2 visitors"). */
const plural = (language: Language, count: number, one: string, other: string) =>
  new Intl.PluralRules(LOCALES[language]).select(count) === 'one' ? one : other;

const ALERT: Record<Language, (facts: AlertFacts, n: Numbers) => AlertWords> = {
  en: ({ venue, count, windowMinutes }, n) => ({
    subject: `${venue}: ${n.wontReturn} of ${n.count} ${plural('en', count, 'visitor', 'visitors')} won't come back`,
    before: [
      `In the last ${n.minutes} ${plural('en', windowMinutes, 'minute', 'minutes')}, ${n.count} ${plural('en', count, 'visitor', 'visitors')} gave their opinion and ${n.wontReturn} of them (${n.share}) said they will not come back.`,
      `You are alerted when at least ${n.minimum} opinions arrive within ${n.minutes} minutes and ${n.threshold} or more of them say so. No other alert is sent for the next ${n.minutes} minutes.`,
    ],
    button: 'See these opinions',
    why: 'You receive these alerts because they are on in your account.',
    stop: 'Stop these alerts',
  }),
  es: ({ venue, count, wontReturn }, n) => ({
    subject: `${venue}: ${n.wontReturn} de ${n.count} ${plural('es', count, 'visitante', 'visitantes')} no volverán`,
    before: [
      `En los últimos ${n.minutes} minutos, ${n.count} ${plural('es', count, 'visitante ha', 'visitantes han')} dado su opinión y ${n.wontReturn} (${n.share}) ${plural('es', wontReturn, 'ha', 'han')} dicho que no volverán.`,
      `Recibes esta alerta cuando llegan al menos ${n.minimum} opiniones en ${n.minutes} minutos y un ${n.threshold} o más dicen que no volverán. No se enviará otra alerta en los próximos ${n.minutes} minutos.`,
    ],
    button: 'Ver estas opiniones',
    why: 'Recibes estas alertas porque las tienes activadas en tu cuenta.',
    stop: 'Dejar de recibir estas alertas',
  }),
  fr: ({ venue, count, wontReturn }, n) => ({
    subject: `${venue}\u00a0: ${n.wontReturn} ${plural('fr', count, 'visiteur', 'visiteurs')} sur ${n.count} ne reviendront pas`,
    before: [
      `Au cours des ${n.minutes} dernières minutes, ${n.count} ${plural('fr', count, 'visiteur a donné son', 'visiteurs ont donné leur')} avis et ${n.wontReturn} (${n.share}) ${plural('fr', wontReturn, "a indiqué qu'il ne reviendrait", "ont indiqué qu'ils ne reviendraient")} pas.`,
      `Vous recevez cette alerte lorsqu'au moins ${n.minimum} avis arrivent en ${n.minutes} minutes et que ${n.threshold} ou plus l'indiquent. Aucune autre alerte ne sera envoyée pendant les ${n.minutes} prochaines minutes.`,
    ],
    button: 'Voir ces avis',
    why: 'Vous recevez ces alertes car elles sont activées dans votre compte.',
    stop: 'Ne plus recevoir ces alertes',
  }),
  // "من الزوار" and "الدقائق الـ…" keep every number clear of the noun's agreement.
  ar: ({ venue }, n) => ({
    subject: `${venue}: ${n.wontReturn} من أصل ${n.count} من الزوار لن يعودوا`,
    before: [
      `خلال الدقائق الـ${n.minutes} الأخيرة، أبدى ${n.count} من الزوار آراءهم، وقال ${n.wontReturn} منهم (${n.share}) إنهم لن يعودوا.`,
      `يصلك هذا التنبيه عندما يبلغ عدد الآراء ${n.minimum} على الأقل خلال ${n.minutes} دقيقة ويقول ${n.threshold} منها أو أكثر إن أصحابها لن يعودوا. لن يُرسَل تنبيه آخر خلال الدقائق الـ${n.minutes} القادمة.`,
    ],
    button: 'عرض هذه الآراء',
    why: 'تصلك هذه التنبيهات لأنها مفعّلة في حسابك.',
    stop: 'إيقاف هذه التنبيهات',
  }),
};

function numbersOf(language: Language, facts: AlertFacts): Numbers {
  const number = new Intl.NumberFormat(LOCALES[language]);
  const percent = new Intl.NumberFormat(LOCALES[language], { style: 'percent', maximumFractionDigits: 0 });
  return {
    count: number.format(facts.count),
    wontReturn: number.format(facts.wontReturn),
    minutes: number.format(facts.windowMinutes),
    minimum: number.format(facts.minimumCount),
    share: percent.format(facts.wontReturn / facts.count),
    threshold: percent.format(facts.thresholdPercent / 100),
  };
}

export interface MailLinks {
  /** The dashboard, filtered to what the email is about. */
  readonly dashboard: string;
  readonly unsubscribe: string;
}

function staffMail(language: Language, words: AlertWords, links: MailLinks): StaffMail {
  const unsubscribe: MailLink = { href: links.unsubscribe, label: words.stop };
  const { text, html } = mailDocument({
    language,
    subject: words.subject,
    before: words.before,
    link: { href: links.dashboard, label: words.button },
    after: [{ text: words.why, link: unsubscribe }],
  });
  return { subject: words.subject, text, html };
}

export function alertMail(language: Language, facts: AlertFacts, links: MailLinks): StaffMail {
  return staffMail(language, ALERT[language](facts, numbersOf(language, facts)), links);
}

export interface DigestFacts {
  readonly venue: string;
  readonly frequency: 'daily' | 'weekly';
  readonly timeZone: string;
  readonly start: Date;
  readonly end: Date;
  readonly count: number;
  /** Of them, how many will come back; the previous period's share (0–1), null without opinions then. */
  readonly willReturn: number;
  readonly previousShare: number | null;
  /** Opinions not reviewed yet, whenever they came. */
  readonly notReviewed: number;
  /** A few of the period's newest comments. */
  readonly comments: readonly string[];
}

interface DigestNumbers {
  readonly count: string;
  readonly share: string;
  readonly previous: string | null;
  readonly notReviewed: string;
  readonly from: string;
  readonly to: string;
}

const DIGEST: Record<Language, (facts: DigestFacts, n: DigestNumbers) => AlertWords & { readonly commentsHeading: string }> = {
  en: ({ venue, frequency, count, notReviewed }, n) => ({
    subject: `${venue}: your ${frequency} summary, ${n.count} ${plural('en', count, 'opinion', 'opinions')}`,
    before: [
      `From ${n.from} to ${n.to}, ${n.count} ${plural('en', count, 'visitor', 'visitors')} gave their opinion.`,
      n.previous === null
        ? `${n.share} will come back. There were no opinions the ${frequency === 'daily' ? 'day' : 'week'} before to compare with.`
        : `${n.share} will come back, against ${n.previous} the ${frequency === 'daily' ? 'day' : 'week'} before.`,
      `${n.notReviewed} ${plural('en', notReviewed, 'opinion is', 'opinions are')} not reviewed yet.`,
    ],
    commentsHeading: 'Recent comments:',
    button: 'See these opinions',
    why: 'You receive this summary because it is on in your account.',
    stop: 'Stop these summaries',
  }),
  es: ({ venue, frequency, count, notReviewed }, n) => ({
    subject: `${venue}: tu resumen ${frequency === 'daily' ? 'diario' : 'semanal'}, ${n.count} ${plural('es', count, 'opinión', 'opiniones')}`,
    before: [
      `Del ${n.from} al ${n.to}, ${n.count} ${plural('es', count, 'visitante ha dado su', 'visitantes han dado su')} opinión.`,
      n.previous === null
        ? `El ${n.share} volverá. No hubo opiniones ${frequency === 'daily' ? 'el día' : 'la semana'} anterior con las que comparar.`
        : `El ${n.share} volverá, frente al ${n.previous} ${frequency === 'daily' ? 'del día' : 'de la semana'} anterior.`,
      `${n.notReviewed} ${plural('es', notReviewed, 'opinión está', 'opiniones están')} sin revisar.`,
    ],
    commentsHeading: 'Comentarios recientes:',
    button: 'Ver estas opiniones',
    why: 'Recibes este resumen porque lo tienes activado en tu cuenta.',
    stop: 'Dejar de recibir estos resúmenes',
  }),
  fr: ({ venue, frequency, count, notReviewed }, n) => ({
    subject: `${venue}\u00a0: votre résumé ${frequency === 'daily' ? 'du jour' : 'de la semaine'}, ${n.count} avis`,
    before: [
      `Du ${n.from} au ${n.to}, ${n.count} ${plural('fr', count, 'visiteur a donné son', 'visiteurs ont donné leur')} avis.`,
      n.previous === null
        ? `${n.share} reviendront. Aucun avis ${frequency === 'daily' ? 'la veille' : 'la semaine précédente'} pour comparer.`
        : `${n.share} reviendront, contre ${n.previous} ${frequency === 'daily' ? 'la veille' : 'la semaine précédente'}.`,
      `${n.notReviewed} avis ${plural('fr', notReviewed, "n'a pas encore été lu", "n'ont pas encore été lus")}.`,
    ],
    commentsHeading: 'Commentaires récents\u00a0:',
    button: 'Voir ces avis',
    why: 'Vous recevez ce résumé car il est activé dans votre compte.',
    stop: 'Ne plus recevoir ces résumés',
  }),
  // As the alerts: "عدد الآراء" and "من الزوار" keep every number clear of the noun's agreement.
  ar: ({ venue, frequency }, n) => ({
    subject: `${venue}: ملخصك ${frequency === 'daily' ? 'اليومي' : 'الأسبوعي'} (عدد الآراء: ${n.count})`,
    before: [
      `من ${n.from} إلى ${n.to}، أبدى ${n.count} من الزوار آراءهم.`,
      n.previous === null
        ? `سيعود ${n.share} منهم. لم تصل آراء ${frequency === 'daily' ? 'في اليوم السابق' : 'في الأسبوع السابق'} للمقارنة.`
        : `سيعود ${n.share} منهم، مقابل ${n.previous} ${frequency === 'daily' ? 'في اليوم السابق' : 'في الأسبوع السابق'}.`,
      `عدد الآراء التي لم تُراجَع بعد: ${n.notReviewed}.`,
    ],
    commentsHeading: 'أحدث التعليقات:',
    button: 'عرض هذه الآراء',
    why: 'يصلك هذا الملخص لأنه مفعّل في حسابك.',
    stop: 'إيقاف هذه الملخصات',
  }),
};

function digestNumbersOf(language: Language, facts: DigestFacts): DigestNumbers {
  const locale = LOCALES[language];
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: facts.timeZone });
  return {
    count: number.format(facts.count),
    share: percent.format(facts.willReturn / facts.count),
    previous: facts.previousShare === null ? null : percent.format(facts.previousShare),
    notReviewed: number.format(facts.notReviewed),
    from: time.format(facts.start),
    to: time.format(facts.end),
  };
}

export function digestMail(language: Language, facts: DigestFacts, links: MailLinks): StaffMail {
  const { commentsHeading, ...words } = DIGEST[language](facts, digestNumbersOf(language, facts));
  const comments = facts.comments.length > 0 ? [commentsHeading, ...facts.comments.map((comment) => `“${comment}”`)] : [];
  return staffMail(language, { ...words, before: [...words.before, ...comments] }, links);
}
