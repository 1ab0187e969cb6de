import { displayName, type Opinion } from './opinion';

/** `language` holds the code (`es`), as stored, and nothing for an opinion sent without one. */
export const CSV_HEADER = ['id', 'created_at', 'name', 'comment', 'will_return', 'reviewed', 'language'] as const;

/** Staff's own columns after the opinion's: its tags (separated by "; ") and how many notes it has. */
export const STAFF_CSV_HEADER = ['tags', 'notes'] as const;

export type CsvColumn = (typeof CSV_HEADER)[number] | (typeof STAFF_CSV_HEADER)[number];

/** What the file's header row calls each column: words in the staff member's language, passed in by the page. */
export type CsvColumnNames = Readonly<Record<CsvColumn, string>>;

/**
 * A spreadsheet reads a cell that starts with = + - @ (or a tab or carriage return) as a
 * formula; a leading apostrophe makes it plain text again.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** One opinion as the CSV's cells, formulas already neutralised. */
export function opinionCsvRow(opinion: Opinion): string[] {
  return [
    opinion.id,
    opinion.createdAt.toISOString(),
    displayName(opinion),
    opinion.comment,
    opinion.willReturn ? 'yes' : 'no',
    opinion.reviewed ? 'yes' : 'no',
    opinion.language ?? '',
  ].map(neutraliseFormula);
}

/** The export's row: the opinion's cells, then staff's, formulas neutralised. */
export function exportCsvRow(opinion: Opinion, noteCount: number): string[] {
  return [...opinionCsvRow(opinion), ...[opinion.tags.join('; '), String(noteCount)].map(neutraliseFormula)];
}

export function exportFileName(now: Date): string {
  return `opinions-${now.toISOString().slice(0, 19).replace(/[:T]/g, '-')}.csv`;
}
