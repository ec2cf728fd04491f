// Test-side plumbing: start an emulator on the test seed (port 0, budget off unless asked) and
// make raw HTTP calls against it without any client library's assumptions.
import { startEmulator, type RunningEmulator, type StartOptions } from '../index.js';
import { buildTestSeed, TEST_USERS } from './build-test-seed.js';

/**
 * Parsed response bodies are read by test assertions, which check their shape at run time; a
 * static type would only restate each assertion.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LooseJson = any;

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  json: LooseJson;
}

export interface CallOptions {
  /** Bearer token; null sends no Authorization header. Default: the owner's token. */
  token?: string | null;
  body?: unknown;
  rawBody?: Buffer | string;
  headers?: Record<string, string>;
}

export async function call(
  baseUrl: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<CallResult> {
  const headers: Record<string, string> = { ...options.headers };
  const token = options.token === undefined ? TEST_USERS.owner.token : options.token;
  if (token !== null) headers['Authorization'] = `Bearer ${token}`;
  let body: Buffer | string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) {
    headers['Content-Type'] ??= 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body } : {}),
  });
  const text = await response.text();
  let json: LooseJson;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export async function control(
  emulator: RunningEmulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<LooseJson> {
  const response = await fetch(`${emulator.controlUrl}${path}`, {
    method,
    ...(body !== undefined
      ? { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }
      : {}),
  });
  const parsed: LooseJson = await response.json();
  if (!response.ok)
    throw new Error(`control ${method} ${path} → ${response.status}: ${JSON.stringify(parsed)}`);
  return parsed;
}

export function startTestEmulator(options: Partial<StartOptions> = {}): Promise<RunningEmulator> {
  return startEmulator({
    seed: buildTestSeed(),
    rateLimit: { enabled: false, perMinute: 300, heavyWeight: 10 },
    clock: { frozen: true },
    randomSeed: 7,
    ...options,
  });
}
