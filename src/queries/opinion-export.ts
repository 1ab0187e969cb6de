import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { downloadText, opinionsCsv } from '../device/csv-file';
import type { OpinionFilters } from '../domain/dashboard';
import { exportFileName, type CsvColumnNames } from '../domain/opinion-csv';
import { fetchAllOpinions } from '../parse/opinion-export';
import { countNotes } from '../parse/opinion-notes';
import { rejectingWithAppError } from './app-error';

export interface ExportProgress {
  readonly fetched: number;
  readonly total: number;
}

/** Fetches every opinion of the filtered set, page by page, and downloads it as CSV with `columnNames` as its header. */
export function useExportOpinions(columnNames: CsvColumnNames) {
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const mutation = useMutation({
    mutationFn: (filters: OpinionFilters) =>
      rejectingWithAppError(async () => {
        setProgress({ fetched: 0, total: 0 });
        const opinions = await fetchAllOpinions(filters, (fetched, total) => setProgress({ fetched, total }));
        const noteCounts = await countNotes(opinions.map((opinion) => opinion.id));
        downloadText(exportFileName(new Date()), await opinionsCsv(opinions, noteCounts, columnNames));
        return opinions.length;
      }),
  });
  return { ...mutation, progress };
}
