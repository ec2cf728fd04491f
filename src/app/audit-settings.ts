// The change audit's settings from Config: files are read and validated here, once per process,
// with errors that name the file and what is wrong in it.
import { readFile } from 'node:fs/promises';
import type { Config } from '../config/index.js';
import { AppError, ErrorCode } from '../domain/app-error.js';
import type { AuditContextOptions } from '../domain/audit/audit-context.js';
import { DEFAULT_RATE_TOLERANCE } from '../domain/audit/audit-context.js';
import { Weekday } from '../domain/calendar-date.js';
import { formatRateTableProblem, parseRateTable } from '../domain/rate-table.js';

export type AuditSettings = Omit<AuditContextOptions, 'now' | 'runId'>;

export function weekEndDayOf(config: Config): Weekday {
  return Weekday[config.billing.weekEndDay.toUpperCase() as keyof typeof Weekday];
}

/** Per-sheet lists where a sheet without its own entry gets the "*" list (when there is one). */
class EditorLists extends Map<number, ReadonlySet<string>> {
  constructor(
    entries: Iterable<readonly [number, ReadonlySet<string>]>,
    private readonly everywhere: ReadonlySet<string> | undefined,
  ) {
    super(entries);
  }

  override get(sheetId: number): ReadonlySet<string> | undefined {
    return super.get(sheetId) ?? this.everywhere;
  }

  override has(sheetId: number): boolean {
    return super.has(sheetId) || this.everywhere !== undefined;
  }
}

/** `{"<sheet id>": [emails], "*": [emails]}`: a sheet's own list plus the "*" list, which also covers unlisted sheets. */
export function parseAuthorizedEditors(text: string, file: string): Map<number, ReadonlySet<string>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new AppError(ErrorCode.CONFIG_INVALID, `${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new AppError(ErrorCode.CONFIG_INVALID, `${file} must hold an object of sheet id → list of e-mails`);
  }
  const lists = new Map<string, Set<string>>();
  for (const [key, value] of Object.entries(parsed)) {
    if (key !== '*' && !/^\d+$/.test(key)) {
      throw new AppError(ErrorCode.CONFIG_INVALID, `${file}: '${key}' is neither a sheet id nor "*"`);
    }
    if (!Array.isArray(value) || !value.every((e) => typeof e === 'string' && e.includes('@'))) {
      throw new AppError(
        ErrorCode.CONFIG_INVALID,
        `${file}: the entry for '${key}' must be a list of e-mail addresses`,
      );
    }
    lists.set(key, new Set(value.map((e: string) => e.trim().toLowerCase())));
  }
  const everywhere = lists.get('*');
  const perSheet = [...lists]
    .filter(([key]) => key !== '*')
    .map(([key, emails]) => [Number(key), new Set([...(everywhere ?? []), ...emails])] as const);
  return new EditorLists(perSheet, everywhere);
}

export async function loadAuditSettings(config: Config): Promise<AuditSettings> {
  const read = async (file: string, what: string) => {
    try {
      return await readFile(file, 'utf8');
    } catch (error) {
      throw new AppError(
        ErrorCode.CONFIG_INVALID,
        `Cannot read ${what} ${file}: ${(error as Error).message}`,
        { cause: error },
      );
    }
  };
  const { authorizedEditorsFile, rateTablePath } = config.audit;
  const authorizedEditors = authorizedEditorsFile
    ? parseAuthorizedEditors(
        await read(authorizedEditorsFile, 'the authorised editors file'),
        authorizedEditorsFile,
      )
    : undefined;
  let rateTable;
  if (rateTablePath) {
    const parsed = parseRateTable(await read(rateTablePath, 'the rate table'));
    if (!parsed.ok) {
      throw new AppError(
        ErrorCode.CONFIG_INVALID,
        `The rate table ${rateTablePath} has problems:\n${parsed.errors
          .slice(0, 10)
          .map((p) => `  ${formatRateTableProblem(p)}`)
          .join('\n')}`,
      );
    }
    rateTable = parsed.table;
  }
  return {
    weekClose: { timeZone: config.billing.timeZone, graceHours: config.billing.weekCloseGraceHours },
    weekEndDay: weekEndDayOf(config),
    authorizedEditors,
    correctors: new Set(config.audit.correctors),
    automationIdentities: new Set(config.audit.automationIdentities),
    ...(rateTable ? { rateTable } : {}),
    bands: config.audit.bands,
    rateTolerance: DEFAULT_RATE_TOLERANCE,
  };
}
