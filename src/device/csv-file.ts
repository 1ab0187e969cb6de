/** Writing a CSV file and handing it to the browser as a download. */
import { CSV_HEADER, exportCsvRow, STAFF_CSV_HEADER, type CsvColumnNames } from '../domain/opinion-csv';
import type { Opinion } from '../domain/opinion';

/**
 * A CSV file of opinions written a page at a time: a header row, formulas neutralised, and a
 * UTF-8 byte order mark so that spreadsheet programs read accents right. Each page's text
 * becomes a Blob at once, which the browser keeps out of the page's memory (on disk when large):
 * a million opinions are not held as text. papaparse is loaded only when someone exports.
 */
export async function opinionsCsvFile(names: CsvColumnNames) {
  const { default: Papa } = await import('papaparse');
  const fields = [...CSV_HEADER, ...STAFF_CSV_HEADER].map((column) => names[column]);
  const parts: Blob[] = [new Blob(['\uFEFF'])];
  let header = true;
  return {
    add(opinions: readonly Opinion[], noteCounts: ReadonlyMap<string, number>): void {
      const text = Papa.unparse(
        { fields, data: opinions.map((opinion) => exportCsvRow(opinion, noteCounts.get(opinion.id) ?? 0)) },
        // Our rows are neutralised already; papaparse's own escapeFormulae is the same rule, kept as a second guard.
        { quotes: true, newline: '\r\n', escapeFormulae: true, header },
      );
      if (text === '') return;
      parts.push(new Blob([header ? text : `\r\n${text}`]));
      header = false;
    },
    parts: (): readonly Blob[] => parts,
  };
}

export function downloadFile(fileName: string, parts: readonly BlobPart[], type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([...parts], { type }));
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
