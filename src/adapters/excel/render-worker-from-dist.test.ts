// Production runs the compiled dist/, where the worker is render-worker.js and no tsx is loaded.
// This compiles the renderer with tsc into a scratch folder and renders from there, so the
// JavaScript worker path is proven as well as the tsx one the other tests use.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ExcelReportRenderer } from './excel-report-renderer.js';
import { MIN_REPORTS_PER_WORKER } from './render-reports-in-parallel.js';
import { buildBranding, buildWeeklyReport } from './testing/build-weekly-report.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'ledgerline-excel-dist-'));
const reportCount = 2 * MIN_REPORTS_PER_WORKER;

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function compileRenderer(): void {
  // ESM like the repository, with the repository's packages (exceljs, jszip, @types) within reach.
  writeFileSync(join(scratch, 'package.json'), '{ "type": "module" }');
  symlinkSync(join(repoRoot, 'node_modules'), join(scratch, 'node_modules'), 'dir');
  writeFileSync(
    join(scratch, 'tsconfig.json'),
    JSON.stringify({
      extends: join(repoRoot, 'tsconfig.build.json'),
      compilerOptions: { outDir: scratch, rootDir: repoRoot, noCheck: true, sourceMap: false },
      files: [
        join(repoRoot, 'src/adapters/excel/render-reports-in-parallel.ts'),
        join(repoRoot, 'src/adapters/excel/render-worker.ts'),
        join(repoRoot, 'src/adapters/excel/testing/build-weekly-report.ts'),
      ],
      include: [],
    }),
  );
  execFileSync(process.execPath, [
    createRequire(import.meta.url).resolve('typescript/bin/tsc'),
    '-p',
    scratch,
  ]);
}

const driver = `
import { createHash } from 'node:crypto';
import { renderReports } from './src/adapters/excel/render-reports-in-parallel.js';
import { buildBranding, buildWeeklyReport } from './src/adapters/excel/testing/build-weekly-report.js';
const reports = Array.from({ length: ${reportCount} }, (_, i) => buildWeeklyReport({ workRequest: String(i) }));
const rendered = await renderReports(reports, buildBranding(), { concurrency: 2 });
console.log(JSON.stringify(rendered.map((bytes) => createHash('sha256').update(bytes).digest('hex'))));
`;

describe('renderReports from compiled JavaScript', () => {
  it('starts render-worker.js without tsx and returns the same bytes', { timeout: 120_000 }, async () => {
    compileRenderer();
    writeFileSync(join(scratch, 'driver.mjs'), driver);

    // A plain node, so nothing but the compiled files can load the worker.
    const output = execFileSync(process.execPath, [join(scratch, 'driver.mjs')], {
      cwd: scratch,
      encoding: 'utf8',
    });

    const renderer = new ExcelReportRenderer();
    const expected: string[] = [];
    for (let i = 0; i < reportCount; i++) {
      const bytes = await renderer.render(buildWeeklyReport({ workRequest: String(i) }), buildBranding());
      expected.push(createHash('sha256').update(bytes).digest('hex'));
    }
    expect(JSON.parse(output)).toEqual(expected);
  });
});
