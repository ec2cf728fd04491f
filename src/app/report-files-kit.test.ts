import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { afterEach, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/index.js';
import type { RunningEmulator } from '../../emulator/index.js';
import { generateSeed } from '../../emulator/seed/generate-seed.js';
import { createLogger } from '../adapters/log/pino-logger.js';
import { emulatorVariables } from '../cli/demo-environment.js';
import { loadConfig } from '../config/index.js';
import { smartsheetClientFor } from './report-cycle.js';
import { reportFilesFor } from './report-files-kit.js';

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

it('serves a report generated on another machine from its Smartsheet attachment', async () => {
  const seed = generateSeed('tiny');
  emulator = await startEmulator({ seed });
  const config = loadConfig({
    envFile: false,
    env: {
      ...emulatorVariables(seed, emulator.baseUrl),
      LEDGERLINE_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'll-report-files-')),
    },
  });
  const client = smartsheetClientFor(config, createLogger({ level: 'silent', format: 'json' }));
  const targetSheetId = config.smartsheet.targetSheetId!;
  const [row] = (await client.getSheet(targetSheetId)).rows;
  const attachment = await client.uploadRowAttachment(targetSheetId, row!.id, {
    fileName: 'WR_1_WeekEnding_081725.xlsx',
    bytes: new TextEncoder().encode('PK-from-smartsheet'),
  });
  const files = reportFilesFor(config, client);

  const file = await files.open('WR_1_WeekEnding_081725.xlsx', { attachmentId: attachment.id });
  expect(file?.sizeBytes).toBe(18);
  expect(await text(file!.stream)).toBe('PK-from-smartsheet');
  // Not in the folder and gone from Smartsheet: not found, not an error.
  await client.deleteAttachment(targetSheetId, attachment.id);
  expect(await files.open('WR_1_WeekEnding_081725.xlsx', { attachmentId: attachment.id })).toBeUndefined();
  // Without a published attachment there is nothing else to look in.
  expect(await files.open('WR_1_WeekEnding_081725.xlsx')).toBeUndefined();
});
