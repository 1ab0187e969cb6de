import { describe, expect, test } from 'vitest';
import {
  DEFAULT_VENUE_SETTINGS,
  formatVenueRefusal,
  isTimeZone,
  parseVenueRefusal,
  retentionCutoff,
  validateVenueSettings,
  VENUE_PROBLEMS,
} from '../../../src/domain/venue';

const valid = { ...DEFAULT_VENUE_SETTINGS, name: '  Museo del Prado ', timeZone: 'Europe/Madrid', retentionDays: 365 };

describe('venue settings rules', () => {
  test('the defaults follow the rules: a 60-minute window, 3 opinions, 50 %, kept for ever', () => {
    expect(validateVenueSettings(DEFAULT_VENUE_SETTINGS)).toEqual({ ok: true, value: DEFAULT_VENUE_SETTINGS });
    expect(DEFAULT_VENUE_SETTINGS).toMatchObject({ alertWindowMinutes: 60, alertMinimumCount: 3, alertWontReturnPercent: 50, retentionDays: null });
  });

  test('valid settings come back with the name trimmed', () => {
    expect(validateVenueSettings(valid)).toEqual({ ok: true, value: { ...valid, name: 'Museo del Prado' } });
  });

  test('a name is required, without control characters, at most 100 characters', () => {
    expect(validateVenueSettings({ ...valid, name: '   ' })).toEqual({ ok: false, problems: { name: 'name.missing' } });
    expect(validateVenueSettings({ ...valid, name: 42 })).toEqual({ ok: false, problems: { name: 'name.missing' } });
    expect(validateVenueSettings({ ...valid, name: 'a\u0000b' })).toEqual({ ok: false, problems: { name: 'name.missing' } });
    expect(validateVenueSettings({ ...valid, name: 'a'.repeat(101) })).toEqual({ ok: false, problems: { name: 'name.long' } });
    expect(validateVenueSettings({ ...valid, name: 'a'.repeat(100) }).ok).toBe(true);
  });

  test('the time zone is an IANA name the runtime knows', () => {
    expect(isTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(validateVenueSettings({ ...valid, timeZone: 'Europe/Atlantis' })).toEqual({ ok: false, problems: { timeZone: 'timeZone.invalid' } });
  });

  test('the alert rule: whole numbers within their limits, the edges included', () => {
    expect(validateVenueSettings({ ...valid, alertWindowMinutes: 5, alertMinimumCount: 1, alertWontReturnPercent: 100 }).ok).toBe(true);
    expect(validateVenueSettings({ ...valid, alertWindowMinutes: 1440, alertMinimumCount: 1000, alertWontReturnPercent: 1 }).ok).toBe(true);
    expect(validateVenueSettings({ ...valid, alertWindowMinutes: 4, alertMinimumCount: 0, alertWontReturnPercent: 101 })).toEqual({
      ok: false,
      problems: {
        alertWindowMinutes: 'alertWindowMinutes.range',
        alertMinimumCount: 'alertMinimumCount.range',
        alertWontReturnPercent: 'alertWontReturnPercent.range',
      },
    });
    expect(validateVenueSettings({ ...valid, alertWindowMinutes: 60.5 }).ok).toBe(false);
    expect(validateVenueSettings({ ...valid, alertMinimumCount: '3' }).ok).toBe(false);
  });

  test('retention: 7 to 3650 days, or null for ever; nothing else', () => {
    for (const retentionDays of [7, 3650, null]) expect(validateVenueSettings({ ...valid, retentionDays }).ok).toBe(true);
    for (const retentionDays of [6, 3651, 0, undefined, '30', 30.5]) {
      expect(validateVenueSettings({ ...valid, retentionDays })).toEqual({ ok: false, problems: { retentionDays: 'retentionDays.range' } });
    }
  });

  test("a refusal's message carries each field's problem back, whatever its sentence says", () => {
    const problems = { name: 'name.long', retentionDays: 'retentionDays.range' } as const;
    const message = formatVenueRefusal(problems);
    expect(message).toMatch(/^Invalid venue settings: .*100 characters/);
    expect(parseVenueRefusal(message)).toEqual(problems);
    expect(parseVenueRefusal('Something else {"name":"not ours","timeZone":"timeZone.invalid"}')).toEqual({ timeZone: 'timeZone.invalid' });
    expect(parseVenueRefusal('No JSON here')).toEqual({});
    expect(VENUE_PROBLEMS).toHaveLength(7);
  });

  test('the retention cutoff is that many whole days before now', () => {
    expect(retentionCutoff(7, new Date('2026-03-29T12:00:00Z'))).toEqual(new Date('2026-03-22T12:00:00Z'));
  });
});
