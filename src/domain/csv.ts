/** One CSV record with the physical line it starts on (1-based), for error messages. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

/** Where and why CSV text is malformed. */
export interface CsvSyntaxError {
  readonly line: number;
  /** 1-based position of the field within its record. */
  readonly fieldNumber: number;
  readonly message: string;
}

/** Records of well-formed CSV, or the first syntax error. */
export type CsvParse =
  | { readonly ok: true; readonly records: readonly CsvRecord[] }
  | { readonly ok: false; readonly error: CsvSyntaxError };

/**
 * Parses RFC 4180 CSV as real exports write it: an optional UTF-8 BOM, CRLF or LF line ends,
 * quoted fields holding commas, line breaks and doubled quotes (`"1 1/4"" Dia"`). Blank lines
 * are skipped. A quote inside an unquoted field, text after a closing quote, or a quote left
 * open is a syntax error naming the line, rather than a guess.
 */
export function parseCsv(text: string): CsvParse {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let index = 0;
  const error = (message: string, at = line): CsvParse => ({
    ok: false,
    error: { line: at, fieldNumber: fields.length + 1, message },
  });
  const endRecord = () => {
    fields.push(field);
    // A blank line is a single empty field; it carries no data.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };

  while (index < source.length) {
    const char = source[index];
    if (char === '"' && field === '') {
      // A quoted field: read to the closing quote, keeping commas and line breaks.
      const fieldStartLine = line;
      index += 1;
      for (;;) {
        if (index >= source.length) return error('quoted field is never closed', fieldStartLine);
        const inner = source[index];
        if (inner === '"') {
          if (source[index + 1] === '"') {
            field += '"';
            index += 2;
            continue;
          }
          index += 1;
          break;
        }
        if (inner === '\n' || (inner === '\r' && source[index + 1] !== '\n')) line += 1;
        field += inner;
        index += 1;
      }
      const next = source[index];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
        return error(`unexpected ${JSON.stringify(next)} after a closing quote`);
      }
      continue;
    }
    if (char === '"')
      return error('quote inside an unquoted field (quote the whole field and double the quote)');
    if (char === ',') {
      fields.push(field);
      field = '';
      index += 1;
      continue;
    }
    if (char === '\r' || char === '\n') {
      endRecord();
      index += char === '\r' && source[index + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
      continue;
    }
    field += char;
    index += 1;
  }
  if (field !== '' || fields.length > 0) endRecord();
  return { ok: true, records };
}
