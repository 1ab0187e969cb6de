import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { downloadFile, opinionsCsvFile } from '../device/csv-file';
import type { OpinionFilters } from '../domain/dashboard';
import { exportFileName, type CsvColumnNames } from '../domain/opinion-csv';
import { forEachOpinionPage } from '../parse/opinion-export';
import { countNotes } from '../parse/opinion-notes';
import { rejectingWithAppError } from './app-error';

export interface ExportProgress {
  readonly fetched: number;
  readonly total: number;
}

/** Fetches every opinion of the filtered set, page by page into the CSV file, and downloads it with `columnNames` as its header. */
export function useExportOpinions(columnNames: CsvColumnNames) {
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const mutation = useMutation({
    mutationFn: (filters: OpinionFilters) =>
      rejectingWithAppError(async () => {
        setProgress({ fetched: 0, total: 0 });
        const file = await opinionsCsvFile(columnNames);
        const exported = await forEachOpinionPage(filters, {
          onPage: async (page) => file.add(page, await countNotes(page.map((opinion) => opinion.id))),
          onProgress: (fetched, total) => setProgress({ fetched, total }),
        });
        downloadFile(exportFileName(new Date()), file.parts());
        return exported;
      }),
  });
  return { ...mutation, progress };
}
