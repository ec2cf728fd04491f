// Query parameters as Smartsheet reads them (smartsheet-api.md §1.2, §11.4): names are
// case-sensitive, lists are comma-separated (raw `,` or `%2C`), booleans are `true`/`false`.
import { apiErrors } from '../errors/api-error.js';

export class QueryParams {
  constructor(private readonly params: URLSearchParams) {}

  static fromSearch(search: string): QueryParams {
    return new QueryParams(new URLSearchParams(search));
  }

  has(name: string): boolean {
    return this.params.has(name);
  }

  string(name: string): string | undefined {
    const values = this.params.getAll(name);
    return values.length === 0 ? undefined : values.join(',');
  }

  /** A csv list; repeated parameters are merged, blanks dropped. */
  list(name: string): string[] {
    return this.params
      .getAll(name)
      .flatMap((value) => value.split(','))
      .map((item) => item.trim())
      .filter((item) => item.length > 0);
  }

  flags(name: string): Set<string> {
    return new Set(this.list(name));
  }

  bool(name: string, fallback: boolean): boolean {
    const value = this.params.get(name);
    if (value === null || value === '') return fallback;
    if (value === 'true') return true;
    if (value === 'false') return false;
    throw apiErrors.invalidValue(value, name);
  }

  int(name: string): number | undefined {
    const value = this.params.get(name);
    if (value === null || value === '') return undefined;
    if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(Number(value)))
      throw apiErrors.invalidValue(value, name);
    return Number(value);
  }

  /** A csv list of ids (row ids, column ids…). */
  ids(name: string): number[] {
    return this.list(name).map((item) => {
      if (!/^\d+$/.test(item) || !Number.isSafeInteger(Number(item)))
        throw apiErrors.invalidValue(item, name);
      return Number(item);
    });
  }
}
