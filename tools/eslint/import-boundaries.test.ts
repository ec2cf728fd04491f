import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
// The project's real configuration, so this proves `npm run lint` itself fails on these files.
const eslint = new ESLint({ cwd: repoRoot });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('import boundaries (DESIGN.md §3)', () => {
  it('fails when domain/ imports an adapter', async () => {
    const found = await problems(
      'src/domain/week-ending.ts',
      "import { openStore } from '../adapters/store/index.js';\nexport const x = openStore;\n",
    );
    expect(found).toEqual([
      expect.stringContaining("ledgerline/import-boundaries: 'domain' may not import from 'adapters'"),
    ]);
  });

  it('fails when domain/ uses I/O, the clock or randomness', async () => {
    const found = await problems(
      'src/domain/risk.ts',
      "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\nexport const b = Date.now();\nexport const c = Math.random();\nexport const d = new Date();\n",
    );
    expect(found).toHaveLength(4);
    expect(found[0]).toContain('domain/ must stay free of I/O');
  });

  it('fails when code outside src/config/ reads process.env', async () => {
    const found = await problems(
      'src/services/sync-sheets.ts',
      'export const token = process.env.SMARTSHEET_API_TOKEN;\n',
    );
    expect(found).toEqual([expect.stringContaining('no-restricted-properties: ')]);
    const destructured = await problems(
      'emulator/server.ts',
      "import { env } from 'node:process';\nexport const e = env;\n",
    );
    expect(destructured).toEqual([expect.stringContaining('no-restricted-imports')]);
  });

  it('lets src/config/ read process.env', async () => {
    expect(
      await problems('src/config/example.ts', 'export const level = process.env.LEDGERLINE_LOG_LEVEL;\n'),
    ).toEqual([]);
  });

  it('fails when an adapter imports another adapter or a service', async () => {
    const other = await problems(
      'src/adapters/excel/write-report.ts',
      "import { openStore } from '../store/index.js';\nexport const x = openStore;\n",
    );
    expect(other).toEqual([expect.stringContaining("Adapter 'excel' may not import adapter 'store'")]);
    const service = await problems(
      'src/adapters/store/x.ts',
      "import { runHealthChecks } from '../../services/run-health-checks.js';\nexport const x = runHealthChecks;\n",
    );
    expect(service).toEqual([expect.stringContaining("'adapters' may not import from 'services'")]);
  });

  it('fails when the emulator imports from src/', async () => {
    const found = await problems(
      'emulator/routes/sheets.ts',
      "import { AppError } from '../../src/domain/app-error.js';\nexport const x = AppError;\n",
    );
    expect(found).toEqual([expect.stringContaining("'emulator' may not import from 'domain'")]);
  });

  it('allows the permitted directions', async () => {
    expect(
      await problems(
        'src/services/sync-sheets.ts',
        "import { AppError } from '../domain/app-error.js';\nimport type { Logger } from '../ports/logger.js';\nexport const x = AppError;\nexport type L = Logger;\n",
      ),
    ).toEqual([]);
    expect(
      await problems(
        'src/cli/emulator-command.ts',
        "import { startEmulator } from '../../emulator/index.js';\nexport const s = startEmulator;\n",
      ),
    ).toEqual([]);
  });
});
