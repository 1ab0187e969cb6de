import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { opinionsCsvFile } from '../../../src/device/csv-file';
import { CSV_HEADER, STAFF_CSV_HEADER, type CsvColumnNames } from '../../../src/domain/opinion-csv';
import type { Opinion } from '../../../src/domain/opinion';

const names: CsvColumnNames = {
  id: 'ID',
  created_at: 'CREATED_AT',
  name: 'NAME',
  comment: 'COMMENT',
  will_return: 'WILL_RETURN',
  reviewed: 'REVIEWED',
  language: 'LANGUAGE',
  tags: 'TAGS',
  notes: 'NOTES',
};
const HEADER = [...CSV_HEADER, ...STAFF_CSV_HEADER].map((column) => names[column]);
const opinion = (n: number): Opinion => ({
  id: `o${n}`,
  name: n % 2 ? 'Ana' : '',
  comment: n === 3 ? '=SUM(A1)' : `Line ${n}\nwith "quotes"`,
  willReturn: n % 2 === 0,
  reviewed: false,
  language: 'es',
  createdAt: new Date(Date.UTC(2026, 0, n)),
  tags: n === 1 ? ['follow-up'] : [],
});

async function written(pages: Opinion[][], notes = new Map([['o2', 3]])): Promise<string> {
  const file = await opinionsCsvFile(names);
  for (const page of pages) file.add(page, notes);
  // Read as the download reads it (a BOM is kept: TextDecoder would drop it).
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await new Blob([...file.parts()]).arrayBuffer());
}

describe('the CSV file, written a page at a time', () => {
  test('is the same file whatever the pages: one header, one row per opinion, the byte order mark first', async () => {
    const all = [1, 2, 3, 4, 5].map(opinion);
    const whole = await written([all]);
    expect(await written([all.slice(0, 2), all.slice(2, 4), all.slice(4), []])).toBe(whole);
    expect(whole.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<string[]>(whole.slice(1), { newline: '\r\n' }).data;
    expect(rows[0]).toEqual(HEADER);
    expect(rows.slice(1).map((row) => row[0])).toEqual(['o1', 'o2', 'o3', 'o4', 'o5']);
    expect(rows[2]?.[3]).toBe('Line 2\nwith "quotes"');
    expect(rows[2]?.[8]).toBe('3');
    expect(rows[3]?.[3]).not.toBe('=SUM(A1)');
  });

  test('an empty set is the header alone', async () => {
    expect(await written([[]])).toBe(`\uFEFF${HEADER.map((name) => `"${name}"`).join(',')}\r\n`);
  });
});
