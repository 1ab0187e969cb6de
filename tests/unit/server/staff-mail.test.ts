import { describe, expect, test } from 'vitest';
import { LANGUAGE_CODES } from '../../../src/domain/languages';
import { alertDue } from '../../../src/domain/venue';
import { alertMail, digestMail } from '../../../server/staff-mail';

const links = { dashboard: 'https://venue.example/es/dashboard?from=2026-12-05&to=2026-12-05', unsubscribe: 'https://api.example/unsubscribe?token=t' };
const alert = { venue: 'Museo', windowMinutes: 60, count: 4, wontReturn: 2, minimumCount: 4, thresholdPercent: 50 };
const digest = {
  venue: 'Museo',
  frequency: 'weekly' as const,
  timeZone: 'UTC',
  start: new Date('2026-11-23T08:00:00Z'),
  end: new Date('2026-11-30T08:00:00Z'),
  count: 1,
  willReturn: 1,
  previousShare: null,
  notReviewed: 1,
  comments: ['<b>Lovely</b>'],
};

describe('the alert rule', () => {
  const rule = { alertMinimumCount: 4, alertWontReturnPercent: 50 };
  test('N − 1 opinions are not enough; N at exactly X % is; just under X % is not', () => {
    expect(alertDue({ count: 3, wontReturn: 3 }, rule)).toBe(false);
    expect(alertDue({ count: 4, wontReturn: 2 }, rule)).toBe(true);
    expect(alertDue({ count: 5, wontReturn: 2 }, rule)).toBe(false);
  });
});

describe('staff emails', () => {
  test.each(LANGUAGE_CODES)('in %s: both links, the numbers, and the language’s direction', (language) => {
    for (const mail of [alertMail(language, alert, links), digestMail(language, digest, links)]) {
      expect(mail.subject).toContain('Museo');
      expect(mail.text).toContain(links.dashboard);
      expect(mail.text).toContain(links.unsubscribe);
      expect(mail.html).toContain(`lang="${language}" dir="${language === 'ar' ? 'rtl' : 'ltr'}"`);
    }
  });

  test('plain words in English, a visitor’s comment escaped in HTML', () => {
    expect(alertMail('en', alert, links).text).toContain('4 visitors gave their opinion and 2 of them (50%) said they will not come back.');
    const mail = digestMail('en', digest, links);
    expect(mail.subject).toBe('Museo: your weekly summary, 1 opinion');
    expect(mail.text).toContain('There were no opinions the week before to compare with.');
    expect(mail.html).toContain('&lt;b&gt;Lovely&lt;/b&gt;');
  });
});
