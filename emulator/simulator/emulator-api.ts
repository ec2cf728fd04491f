// The few calls the simulator makes against a running emulator: read sheets, write rows as a named user
// (the normal write path, so history and webhooks see ordinary edits) and move the control-plane clock.
// No Smartsheet-Change-Agent header: crews do not send one, and Ledgerline ignores only its own agent.
import type { CellValue } from '../seed/seed-data.js';
import type { SnapshotRow } from './sheet-snapshot.js';
import { parseRow, parseSheet } from './sheet-snapshot.js';

export class EmulatorRequestError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'EmulatorRequestError';
  }
}

export interface WrittenRow extends SnapshotRow {
  modifiedAt?: string;
}

const MAX_ATTEMPTS = 6;
const ROWS_PAGE_SIZE = 5000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class EmulatorApi {
  private readonly baseUrl: string;
  private readonly controlUrl: string;

  constructor(baseUrl: string, controlUrl: string) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.controlUrl = controlUrl.replace(/\/+$/, '');
  }

  /** Every row of a sheet, paging through `totalRowCount` when the emulator pages. */
  async getSheet(token: string, sheetId: number): Promise<ReturnType<typeof parseSheet>> {
    let page = 1;
    const first = await this.call(token, 'GET', `/sheets/${sheetId}?page=${page}&pageSize=${ROWS_PAGE_SIZE}`);
    const sheet = parseSheet(first);
    const total = (first as { totalRowCount?: unknown }).totalRowCount;
    while (typeof total === 'number' && sheet.rows.length < total) {
      page += 1;
      const next = parseSheet(
        await this.call(token, 'GET', `/sheets/${sheetId}?page=${page}&pageSize=${ROWS_PAGE_SIZE}`),
      );
      if (next.rows.length === 0) break;
      sheet.rows.push(...next.rows);
    }
    return sheet;
  }

  async addRow(
    token: string,
    sheetId: number,
    cells: { columnId: number; value: CellValue }[],
  ): Promise<WrittenRow> {
    return this.firstRow(
      await this.call(token, 'POST', `/sheets/${sheetId}/rows`, [{ toBottom: true, cells }]),
    );
  }

  async updateRow(
    token: string,
    sheetId: number,
    rowId: number,
    cells: { columnId: number; value: CellValue }[],
  ): Promise<WrittenRow> {
    return this.firstRow(await this.call(token, 'PUT', `/sheets/${sheetId}/rows`, [{ id: rowId, cells }]));
  }

  async deleteRow(token: string, sheetId: number, rowId: number): Promise<void> {
    await this.call(token, 'DELETE', `/sheets/${sheetId}/rows?ids=${rowId}`);
  }

  async clock(): Promise<number> {
    return this.clockOf(await this.control('GET', '/clock'));
  }

  /** Move the emulator clock to `atMs` (forward only: the simulator never travels back). */
  async setClock(atMs: number): Promise<number> {
    return this.clockOf(await this.control('POST', '/clock', { set: new Date(atMs).toISOString() }));
  }

  private clockOf(body: unknown): number {
    const now = (body as { now?: unknown } | undefined)?.now;
    const ms = typeof now === 'number' ? now : typeof now === 'string' ? Date.parse(now) : Number.NaN;
    if (!Number.isFinite(ms)) throw new Error(`unexpected clock response: ${JSON.stringify(body)}`);
    return ms;
  }

  private firstRow(body: unknown): WrittenRow {
    const result = (body as { result?: unknown }).result;
    const row = Array.isArray(result) ? result[0] : result;
    if (typeof row !== 'object' || row === null)
      throw new Error(`unexpected row write response: ${JSON.stringify(body)}`);
    const parsed: WrittenRow = parseRow(row as Record<string, unknown>);
    const modifiedAt = (row as { modifiedAt?: unknown }).modifiedAt;
    if (typeof modifiedAt === 'string') parsed.modifiedAt = modifiedAt;
    return parsed;
  }

  private async control(method: string, path: string, body?: unknown): Promise<unknown> {
    return this.send(`${this.controlUrl}${path}`, method, {}, body);
  }

  private async call(token: string, method: string, path: string, body?: unknown): Promise<unknown> {
    return this.send(`${this.baseUrl}${path}`, method, { Authorization: `Bearer ${token}` }, body);
  }

  /**
   * One request, retried when the emulator says so: 429/4003 after `Retry-After` (capped) and 500/4004
   * (another write to the sheet in flight) after a short pause. Anything else is the caller's problem.
   */
  private async send(
    url: string,
    method: string,
    headers: Record<string, string>,
    body?: unknown,
  ): Promise<unknown> {
    for (let attempt = 1; ; attempt += 1) {
      const response = await fetch(url, {
        method,
        headers: body === undefined ? headers : { ...headers, 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      const parsed: unknown = text ? safeJson(text) : undefined;
      if (response.ok) return parsed;
      const errorCode = (parsed as { errorCode?: unknown } | undefined)?.errorCode;
      const code = typeof errorCode === 'number' ? errorCode : undefined;
      const retriable = response.status === 429 || code === 4003 || code === 4004;
      if (!retriable || attempt >= MAX_ATTEMPTS) {
        throw new EmulatorRequestError(
          response.status,
          code,
          `${method} ${url} failed: ${response.status} ${text.slice(0, 300)}`,
        );
      }
      const retryAfter = Number(response.headers.get('retry-after'));
      await sleep(
        Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter, 60) * 1000 : 200 * attempt,
      );
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
