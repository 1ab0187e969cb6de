/** Writing a CSV file and handing it to the browser as a download. */
import { CSV_HEADER, exportCsvRow, STAFF_CSV_HEADER, type CsvColumnNames } from '../domain/opinion-csv';
import type { Opinion } from '../domain/opinion';

/**
 * The opinions as CSV text: a header row, formulas neutralised, and a UTF-8 byte order mark so
 * that spreadsheet programs read accents right. papaparse is loaded only when someone exports.
 */
export async function opinionsCsv(
  opinions: readonly Opinion[],
  noteCounts: ReadonlyMap<string, number>,
  names: CsvColumnNames,
): Promise<string> {
  const { default: Papa } = await import('papaparse');
  const csv = Papa.unparse(
    {
      fields: [...CSV_HEADER, ...STAFF_CSV_HEADER].map((column) => names[column]),
      data: opinions.map((opinion) => exportCsvRow(opinion, noteCounts.get(opinion.id) ?? 0)),
    },
    // Our rows are neutralised already; papaparse's own escapeFormulae is the same rule, kept as a second guard.
    { quotes: true, newline: '\r\n', escapeFormulae: true },
  );
  return `\uFEFF${csv}`;
}

export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
