import { afterAll, expect, test } from 'vitest';
import { boundedRangeLabel, rangeLabel } from '../../../src/components/dashboard/pagination';
import { loadMessages, t } from '../../../src/i18n/i18n';

afterAll(() => loadMessages('en', 'staff'));

function arabic(value: number): string {
  return new Intl.NumberFormat('ar').format(value);
}

test.each([
  ['en', 1, '1 opinion deleted.'],
  ['en', 1200, '1,200 opinions deleted.'],
  ['es', 1, '1 opinión eliminada.'],
  ['es', 1200, '1200 opiniones eliminadas.'],
  ['fr', 1, '1 avis supprimé.'],
  ['fr', 1200, '1 200 avis supprimés.'],
  ['ar', 1, 'حُذف رأي واحد.'],
  ['ar', 2, 'حُذف رأيان.'],
  ['ar', 3, `حُذفت ${arabic(3)} آراء.`],
  ['ar', 11, `حُذف ${arabic(11)} رأيًا.`],
  ['ar', 100, `حُذف ${arabic(100)} رأي.`],
] as const)('%s: %i deleted, by the language’s plural rules and digits', async (language, count, text) => {
  await loadMessages(language, 'staff');
  expect(t('dashboard.deleted', { count }).replace(/\s/g, ' ')).toBe(text);
});

test.each([
  ['en', '41–60 of 1,234'],
  ['es', '41–60 de 1234'],
  ['fr', '41–60 sur 1 234'],
  ['ar', `${arabic(41)}–${arabic(60)} من ${arabic(1234)}`],
] as const)('%s: the range of a page', async (language, text) => {
  await loadMessages(language, 'staff');
  expect(rangeLabel(3, 20, 20, 1234).replace(/\s/g, ' ')).toBe(text);
});

test.each([
  ['en', '41–60 of more than 10,000'],
  ['es', '41–60 de más de 10.000'],
  ['fr', '41–60 sur plus de 10 000'],
  ['ar', `${arabic(41)}–${arabic(60)} من أكثر من ${arabic(10000)}`],
] as const)('%s: the range of a page past the count’s bound', async (language, text) => {
  await loadMessages(language, 'staff');
  expect(boundedRangeLabel(3, 20, 20, 10_000).replace(/\s/g, ' ')).toBe(text);
});
