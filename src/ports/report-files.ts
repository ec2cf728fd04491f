import type { Readable } from 'node:stream';

/** A workbook kept in the local report folder, ready to be streamed. */
export interface ReportFile {
  readonly stream: Readable;
  readonly sizeBytes: number;
}

/** Reads back the local copies of published workbooks (the dashboard's Reports download). */
export interface ReportFiles {
  /**
   * The workbook of that file name, or undefined when the folder holds none. Names that are not
   * plain report file names (a path, `..`) are refused, never resolved.
   */
  open(fileName: string, published?: { readonly attachmentId: number }): Promise<ReportFile | undefined>;
}
