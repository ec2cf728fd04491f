// Runs every benchmark one after another and prints their figures (`npm run bench`). Benchmarks
// print numbers to compare between machines and commits; nothing here asserts on time.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const here = import.meta.dirname;
const only = process.argv.slice(2);
const benches = readdirSync(here)
  // scale-suite.ts runs other benches of this folder again (npm run bench:scale).
  .filter((file) => file.endsWith('.ts') && file !== 'run-all.ts' && file !== 'scale-suite.ts')
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
  .sort();

console.log(
  `Ledgerline benchmarks on ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores, Node ${process.version}`,
);
let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, file)], {
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    failed += 1;
    console.log(`(${file} exited with ${result.status ?? result.signal})`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
