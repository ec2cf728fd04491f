// The one way the dashboard talks to the server: same-origin fetch with the session cookie, the
// CSRF token on every state-changing request, `{ error, message }` failures as ApiFailure, and a
// 401 on any authenticated call reported once so the app can return to the login page.
import type { ApiError } from './contract-types.js';

/** A failed API call, carrying the server's `{ error, message }` when it sent one. */
export class ApiFailure extends Error {
  readonly status: number;
  readonly code: string;
  readonly body: Partial<ApiError> & Record<string, unknown>;

  constructor(status: number, body: Partial<ApiError> & Record<string, unknown>) {
    super(typeof body.message === 'string' ? body.message : `The server answered ${status}.`);
    this.name = 'ApiFailure';
    this.status = status;
    this.code = typeof body.error === 'string' ? body.error : `HTTP_${status}`;
    this.body = body;
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** Remembers the token from GET /api/auth/session or the login reply (null after logout). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when an authenticated request comes back 401 (idle or absolute timeout, revoked). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export interface RequestOptions {
  /** Login and the first session probe expect 401 as an answer, not as an expired session. */
  readonly expectUnauthorized?: boolean;
  readonly signal?: AbortSignal;
}

/** Sends one request and returns the parsed JSON reply (undefined for 204 or an empty body). */
export async function apiRequest<T>(
  method: Method,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiFailure(0, { error: 'NETWORK', message: 'The server cannot be reached. Try again.' });
  }
  const text = await response.text();
  const parsed = parseJson(text);
  if (!response.ok) {
    if (response.status === 401 && !options.expectUnauthorized) onUnauthorized?.();
    throw new ApiFailure(response.status, isRecord(parsed) ? parsed : {});
  }
  return parsed as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => apiRequest<T>('GET', path, undefined, options),
  post: <T>(path: string, body: unknown = {}, options?: RequestOptions) =>
    apiRequest<T>('POST', path, body, options),
  delete: <T>(path: string, options?: RequestOptions) => apiRequest<T>('DELETE', path, undefined, options),
};

/** A query string from the set values of `params` (empty values are left out). */
export function queryString(params: Readonly<Record<string, string | number | undefined | null>>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

/** The message to show for any failure. */
export function describeFailure(error: unknown): string {
  if (error instanceof ApiFailure) return error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { message: text.slice(0, 300) };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
