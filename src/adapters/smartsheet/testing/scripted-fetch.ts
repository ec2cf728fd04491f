// A `fetch` stand-in for unit tests that need no server: answers come from a script, requests are
// recorded for assertions. Integration tests use the emulator instead.

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
}

export type ScriptedAnswer =
  | { status?: number; json: unknown; headers?: Record<string, string> }
  | { status: number; text: string; headers?: Record<string, string> }
  /** Throw as fetch does on a network failure; `code` goes into `cause` like undici's. */
  | { networkError: string };

export type Responder = (request: RecordedRequest) => ScriptedAnswer;

export function jsonAnswer(json: unknown, status = 200): ScriptedAnswer {
  return { status, json };
}

export function errorAnswer(
  status: number,
  errorCode: number,
  message = 'failed',
  refId = 'ref-1',
): ScriptedAnswer {
  return { status, json: { errorCode, message, refId } };
}

export class ScriptedFetch {
  readonly requests: RecordedRequest[] = [];
  private readonly queue: ScriptedAnswer[] = [];

  constructor(private readonly fallback?: Responder) {}

  /** Answers the next requests in order, before the fallback responder. */
  enqueue(...answers: ScriptedAnswer[]): this {
    this.queue.push(...answers);
    return this;
  }

  readonly fetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => {
      headers[name] = value;
    });
    const request: RecordedRequest = {
      method: init.method ?? 'GET',
      url: new URL(String(input)),
      headers,
      body: typeof init.body === 'string' || init.body instanceof Uint8Array ? init.body : undefined,
    };
    this.requests.push(request);
    const answer = this.queue.shift() ?? this.fallback?.(request);
    if (!answer) throw new Error(`No scripted answer for ${request.method} ${request.url.pathname}`);
    if ('networkError' in answer) {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error(answer.networkError), { code: answer.networkError }),
      });
    }
    const body = 'json' in answer ? JSON.stringify(answer.json) : answer.text;
    const contentType = 'json' in answer ? 'application/json;charset=UTF-8' : 'text/html';
    return new Response(body, {
      status: answer.status ?? 200,
      headers: { 'Content-Type': contentType, ...answer.headers },
    });
  };
}
