// A token and base-URL check for `doctor` and `init`: GET /users/me, with Smartsheet's error body
// (errorCode, refId) turned into a message that says what to fix.
import { AppError, ErrorCode } from '../../domain/app-error.js';

export interface CurrentUser {
  id: number;
  email: string;
  name: string;
}

const TOKEN_ERRORS: Record<number, string> = {
  1001: 'no access token was sent',
  1002: 'the access token is invalid (a token only works on the instance that issued it: US, EU, Gov or AU)',
  1003: 'the access token has expired',
  1005: 'this account requires single sign-on',
};

export async function probeCurrentUser(
  baseUrl: string,
  token: string | undefined,
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): Promise<CurrentUser> {
  if (!token) {
    throw new AppError(ErrorCode.SMARTSHEET_AUTH, 'No Smartsheet API token is configured', {
      hint: 'Set SMARTSHEET_API_TOKEN in the environment or .env (Smartsheet → Personal Settings → API Access).',
    });
  }
  const endpoint = `${baseUrl}/users/me`;
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(endpoint, {
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch (error) {
    const reason = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new AppError(
      ErrorCode.SMARTSHEET_UNAVAILABLE,
      `Cannot reach Smartsheet at ${baseUrl} (${reason})`,
      {
        hint: 'Check LEDGERLINE_SMARTSHEET_BASE_URL / LEDGERLINE_SMARTSHEET_REGION and the network.',
        cause: error,
      },
    );
  }
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Proxies answer HTML; the status alone must then explain the failure.
  }
  if (!response.ok) {
    const errorCode = typeof body.errorCode === 'number' ? body.errorCode : undefined;
    const refId = typeof body.refId === 'string' ? ` refId ${body.refId}` : '';
    const known = errorCode !== undefined ? TOKEN_ERRORS[errorCode] : undefined;
    const auth = response.status === 401 || known !== undefined;
    throw new AppError(
      auth ? ErrorCode.SMARTSHEET_AUTH : ErrorCode.SMARTSHEET_REQUEST,
      `GET /users/me failed: HTTP ${response.status}${errorCode ? ` errorCode ${errorCode}` : ''}${refId}${known ? ` — ${known}` : ''}`,
      {
        hint: auth
          ? 'Create a new token in Smartsheet and set SMARTSHEET_API_TOKEN.'
          : 'Retry later; if it persists, check the base URL.',
      },
    );
  }
  const email = typeof body.email === 'string' ? body.email : '';
  const name = [body.firstName, body.lastName].filter((p) => typeof p === 'string' && p).join(' ');
  if (typeof body.id !== 'number') {
    throw new AppError(
      ErrorCode.SMARTSHEET_REQUEST,
      `GET ${endpoint} answered without a user id; is this a Smartsheet API base URL?`,
    );
  }
  return { id: body.id, email, name };
}
