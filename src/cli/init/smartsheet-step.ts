// Init, step 1: which Smartsheet (region or base URL) and which token — checked with /users/me
// before anything else happens.
import { SmartsheetClient, TokenBucketBudget } from '../../adapters/smartsheet/index.js';
import { smartsheetSetup } from '../../adapters/smartsheet/smartsheet-setup.js';
import { SMARTSHEET_REGIONS } from '../../config/config-keys.js';
import { AppError, ErrorCode } from '../../domain/app-error.js';
import type { SmartsheetSetup } from '../../ports/billing-sheets.js';
import { checkSmartsheetAccess } from '../../services/setup-smartsheet-access.js';
import type { InitFlags, InitIo } from './init-options.js';

type Region = keyof typeof SMARTSHEET_REGIONS;
const isRegion = (value: string): value is Region => value in SMARTSHEET_REGIONS;

export interface SmartsheetChoice {
  /** The keys to write: the region, or a base URL that overrides it. */
  values: { LEDGERLINE_SMARTSHEET_REGION?: string; LEDGERLINE_SMARTSHEET_BASE_URL?: string };
  baseUrl: string;
  token: string;
  setup: SmartsheetSetup;
}

function location(answer: string, current: Record<string, string>): SmartsheetChoice['values'] {
  const text = answer.trim();
  if (isRegion(text.toLowerCase())) return { LEDGERLINE_SMARTSHEET_REGION: text.toLowerCase() };
  if (!/^https?:\/\/[^\s]+$/.test(text)) {
    throw new AppError(
      ErrorCode.INPUT_INVALID,
      `'${text}' is neither a region (us, eu, gov, au) nor an http(s) base URL`,
    );
  }
  // A base URL overrides the region; a region already written stays as it was.
  return {
    ...(current.LEDGERLINE_SMARTSHEET_REGION
      ? { LEDGERLINE_SMARTSHEET_REGION: current.LEDGERLINE_SMARTSHEET_REGION }
      : {}),
    LEDGERLINE_SMARTSHEET_BASE_URL: text.replace(/\/+$/, ''),
  };
}

function baseUrlOf(values: SmartsheetChoice['values']): string {
  const region = values.LEDGERLINE_SMARTSHEET_REGION ?? 'us';
  return values.LEDGERLINE_SMARTSHEET_BASE_URL ?? SMARTSHEET_REGIONS[isRegion(region) ? region : 'us'];
}

export async function chooseSmartsheet(
  flags: InitFlags,
  current: Record<string, string>,
  io: InitIo,
): Promise<SmartsheetChoice> {
  const currentAnswer =
    current.LEDGERLINE_SMARTSHEET_BASE_URL ?? current.LEDGERLINE_SMARTSHEET_REGION ?? 'us';
  const given = flags.baseUrl ?? flags.region;
  const answer =
    given ??
    (io.prompter
      ? await io.prompter.ask('Smartsheet region (us, eu, gov, au) or API base URL', currentAnswer)
      : currentAnswer);
  const values = location(answer, current);
  const baseUrl = baseUrlOf(values);

  let token: string | undefined;
  if (flags.tokenStdin) token = io.stdinLines.shift()?.trim();
  else if (io.prompter)
    token = await io.prompter.askSecret(
      'Smartsheet API token (Personal Settings → API Access)',
      current.SMARTSHEET_API_TOKEN !== undefined,
    );
  token ||= current.SMARTSHEET_API_TOKEN;
  if (!token) {
    throw new AppError(ErrorCode.INPUT_INVALID, 'No Smartsheet API token was given.', {
      hint: 'Pipe it in: printf \'%s\\n\' "$SMARTSHEET_API_TOKEN" | ledgerline init --token-stdin … (never on the command line).',
    });
  }
  const client = new SmartsheetClient({
    baseUrl,
    token,
    budget: new TokenBucketBudget({ perMinute: 300 }),
    maxRetryMs: 20_000,
  });
  const setup = smartsheetSetup(client, { baseUrl, token });
  const user = await checkSmartsheetAccess(setup, baseUrl);
  io.out(`✓ ${baseUrl} accepts the token of ${user.name || user.email} <${user.email}>.`);
  return { values, baseUrl, token, setup };
}
