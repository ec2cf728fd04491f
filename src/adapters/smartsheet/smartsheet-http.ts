// The one place that talks HTTP to Smartsheet: headers, budget, retries, error mapping and response
// validation for every endpoint. Endpoint files describe a call; this file makes it happen.
import type { z } from 'zod';
import type { Logger } from '../../ports/logger.js';
import type { ApiRoute } from './api-route.js';
import { errorBodySchema } from './envelope-schemas.js';
import type { RequestBudget } from './request-budget.js';
import { RequestCounter } from './request-counts.js';
import { networkFailure } from './network-failure.js';
import { decideRetry, isRateLimited, mayHaveBeenApplied, parseRetryAfter } from './retry-policy.js';
import type { AttemptFailure } from './retry-policy.js';
import {
  ambiguousOutcomeError,
  describeFailure,
  permanentFailureError,
  retriesExhaustedError,
  summariseIssues,
  unexpectedBodyError,
} from './smartsheet-errors.js';

export type QueryValue = string | number | boolean | readonly (string | number)[] | undefined;
export type QueryParams = Readonly<Record<string, QueryValue>>;

export type RequestBody =
  | { kind: 'json'; value: unknown }
  /** Simple upload (§5.5): raw bytes with the file name in Content-Disposition. */
  | { kind: 'file'; bytes: Uint8Array; fileName: string; contentType: string };

export interface ApiCall<T> {
  route: ApiRoute;
  query?: QueryParams;
  body?: RequestBody;
  schema: z.ZodType<T>;
  /** Budget units (REQUEST_WEIGHT); 1 unless the endpoint is a heavy one. */
  weight?: number;
  /** Safe to repeat after a failure that may have been applied. Default: every method but POST. */
  idempotent?: boolean;
}

export interface SmartsheetHttpOptions {
  baseUrl: string;
  token: string;
  changeAgent: string;
  budget: RequestBudget;
  maxRetryMs: number;
  requestTimeoutMs: number;
  logger: Logger | undefined;
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => number;
}

/** Labels our traffic as an application's (§1.2); Smartsheet ignores unknown values. */
const INTEGRATION_SOURCE = 'APPLICATION,Ledgerline,ledgerline';

type AttemptOutcome<T> = { ok: true; value: T } | { ok: false; failure: AttemptFailure };

export class SmartsheetHttp {
  readonly counts = new RequestCounter();
  private readonly baseUrl: string;

  constructor(private readonly options: SmartsheetHttpOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  /** Sends the call, retrying per the policy within maxRetryMs, and returns the validated body. */
  async call<T>(call: ApiCall<T>): Promise<T> {
    const { route } = call;
    const weight = call.weight ?? 1;
    const idempotent = call.idempotent ?? route.method !== 'POST';
    const url = this.url(route.path, call.query);
    let attempts = 0;
    let firstFailureAt: number | undefined;
    let budgetWaitSinceFailure = 0;
    let earlierAttemptUncertain = false;
    for (;;) {
      const waitStart = this.options.now();
      await this.options.budget.acquire(weight);
      if (firstFailureAt !== undefined) budgetWaitSinceFailure += this.options.now() - waitStart;
      this.counts.recordAttempt(route.key, weight, attempts > 0);
      attempts += 1;
      const outcome = await this.attempt(call, url);
      if (outcome.ok) return outcome.value;
      const { failure } = outcome;
      if (isRateLimited(failure)) this.counts.recordRateLimited();
      firstFailureAt ??= this.options.now();

      const context = { attempts, earlierAttemptUncertain };
      const decision = decideRetry(failure, {
        idempotent,
        retryIndex: attempts - 1,
        random: this.options.random,
      });
      if (decision.action === 'fail') throw permanentFailureError(route, failure, context);
      if (decision.action === 'ambiguous') throw ambiguousOutcomeError(route, failure, context);

      // Time spent queueing for the shared budget is not this call's failure; exclude it.
      const elapsed = this.options.now() - firstFailureAt - budgetWaitSinceFailure;
      if (elapsed + decision.delayMs > this.options.maxRetryMs) {
        throw retriesExhaustedError(route, failure, { ...context, elapsedMs: elapsed });
      }
      earlierAttemptUncertain ||= mayHaveBeenApplied(failure);
      if (decision.rateLimited) this.options.budget.pauseFor(decision.delayMs);
      this.options.logger?.warn(
        {
          endpoint: route.key,
          ids: route.ids,
          attempt: attempts,
          delayMs: decision.delayMs,
          failure: describeFailure(failure),
        },
        'Smartsheet request failed; retrying',
      );
      await this.options.sleep(decision.delayMs);
    }
  }

  /**
   * Downloads bytes from a pre-signed attachment URL. It is not an API call: no bearer token (the
   * URL is the credential, and the token must not leak to the file host) and no budget units.
   */
  async download(url: string, route: ApiRoute): Promise<Uint8Array> {
    let attempts = 0;
    const started = this.options.now();
    for (;;) {
      attempts += 1;
      this.counts.recordFileDownload();
      let failure: AttemptFailure;
      try {
        const response = await this.options.fetch(url, {
          signal: AbortSignal.timeout(this.options.requestTimeoutMs),
        });
        if (response.ok) return new Uint8Array(await response.arrayBuffer());
        failure = { kind: 'http', status: response.status, message: snippet(await response.text()) };
      } catch (error) {
        failure = networkFailure(error);
      }
      const decision = decideRetry(failure, {
        idempotent: true,
        retryIndex: attempts - 1,
        random: this.options.random,
      });
      const context = { attempts, earlierAttemptUncertain: false };
      if (decision.action !== 'retry') throw permanentFailureError(route, failure, context);
      const elapsed = this.options.now() - started;
      if (elapsed + decision.delayMs > this.options.maxRetryMs) {
        throw retriesExhaustedError(route, failure, { ...context, elapsedMs: elapsed });
      }
      await this.options.sleep(decision.delayMs);
    }
  }

  private url(path: string, query: QueryParams | undefined): string {
    const parts: string[] = [];
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value === undefined) continue;
      const text = Array.isArray(value) ? value.join(',') : String(value);
      // Lists go with raw commas, as the SDK sends them; Smartsheet accepts both forms (§11.4).
      parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(text).replace(/%2C/gi, ',')}`);
    }
    return `${this.baseUrl}${path}${parts.length > 0 ? `?${parts.join('&')}` : ''}`;
  }

  private headers(call: ApiCall<unknown>): Record<string, string> {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${this.options.token}`,
      Accept: 'application/json',
    };
    if (call.route.method !== 'GET') {
      // Echoed into webhook events so our own writes can be told apart (loop prevention, §6.9).
      headers['Smartsheet-Change-Agent'] = this.options.changeAgent;
      headers['smartsheet-integration-source'] = INTEGRATION_SOURCE;
    }
    if (call.body?.kind === 'json') headers['Content-Type'] = 'application/json';
    if (call.body?.kind === 'file') {
      headers['Content-Type'] = call.body.contentType;
      headers['Content-Disposition'] = `attachment; filename="${encodeURIComponent(call.body.fileName)}"`;
      headers['Content-Length'] = String(call.body.bytes.byteLength);
    }
    return headers;
  }

  private async attempt<T>(call: ApiCall<T>, url: string): Promise<AttemptOutcome<T>> {
    let response: Response;
    let text: string;
    try {
      response = await this.options.fetch(url, {
        method: call.route.method,
        headers: this.headers(call),
        body:
          call.body?.kind === 'json'
            ? JSON.stringify(call.body.value)
            : call.body?.kind === 'file'
              ? call.body.bytes
              : undefined,
        signal: AbortSignal.timeout(this.options.requestTimeoutMs),
      });
      text = await response.text();
    } catch (error) {
      return { ok: false, failure: networkFailure(error) };
    }
    if (!response.ok) return { ok: false, failure: this.httpFailure(response, text) };

    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw unexpectedBodyError(
        call.route,
        `HTTP ${response.status} with a non-JSON body (${snippet(text)})`,
        error,
      );
    }
    const parsed = call.schema.safeParse(json);
    if (!parsed.success) throw unexpectedBodyError(call.route, summariseIssues(parsed.error), parsed.error);
    return { ok: true, value: parsed.data };
  }

  private httpFailure(response: Response, text: string): AttemptFailure {
    const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), this.options.now());
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      // Front-end proxies answer HTML 502/503 pages (§1.5): the status has to speak for itself.
      return {
        kind: 'http',
        status: response.status,
        message: `non-JSON body: ${snippet(text)}`,
        retryAfterMs,
      };
    }
    const parsed = errorBodySchema.safeParse(body);
    const error = parsed.success ? parsed.data : {};
    return {
      kind: 'http',
      status: response.status,
      errorCode: error.errorCode,
      refId: error.refId,
      message: error.message,
      retryAfterMs,
    };
  }
}

/** The start of a body, tags and runs of whitespace removed, for a one-line message. */
function snippet(text: string): string {
  const flat = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > 120 ? `${flat.slice(0, 120)}…` : flat || '(empty)';
}
