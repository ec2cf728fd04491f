// One API route with its ids filled in. The template (`GET /sheets/{sheetId}/rows`) names the
// endpoint in counts, logs and error messages; the ids say which object it was about.
import { AppError, ErrorCode } from '../../domain/app-error.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface ApiRoute {
  method: HttpMethod;
  /** Path template relative to the base URL, e.g. `/sheets/{sheetId}/rows`. */
  template: string;
  ids: Readonly<Record<string, number>>;
  /** The concrete path, never with a trailing slash (smartsheet-api.md §1.1). */
  path: string;
  /** `METHOD template`: the key of request counts and the emulator's route names. */
  key: string;
  /** `METHOD template (sheetId 123, rowId 456)`: for messages. */
  label: string;
}

export function apiRoute(
  method: HttpMethod,
  template: string,
  ids: Readonly<Record<string, number>> = {},
): ApiRoute {
  const path = template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const id = ids[name];
    // Ids go into the URL path: anything but a positive safe integer is a caller bug, not a request.
    if (id === undefined || !Number.isSafeInteger(id) || id <= 0) {
      throw new AppError(
        ErrorCode.INPUT_INVALID,
        `Smartsheet ${method} ${template}: ${name} must be a positive integer id (got ${String(id)})`,
      );
    }
    return String(id);
  });
  const key = `${method} ${template}`;
  const idText = Object.entries(ids)
    .map(([name, id]) => `${name} ${id}`)
    .join(', ');
  return { method, template, ids, path, key, label: idText ? `${key} (${idText})` : key };
}
