// Reads vitest's JSON report and prints the closing lines CI looks for: the overall count and how
// many store tests ran on Postgres. With CI=true, a run where no Postgres test ran is a failure.
import { readFileSync } from 'node:fs';

const [file = 'test-artifacts/vitest.json', ci = 'false'] = process.argv.slice(2);
const report = JSON.parse(readFileSync(file, 'utf8'));
let postgres = 0;
let postgresFailed = 0;
for (const suite of report.testResults ?? []) {
  for (const test of suite.assertionResults ?? []) {
    const names = [...(test.ancestorTitles ?? []), test.title ?? ''].join(' ').toLowerCase();
    if (!names.includes('postgres')) continue;
    if (test.status === 'passed') postgres += 1;
    if (test.status === 'failed') postgresFailed += 1;
  }
}
console.log(`Postgres: ${postgres} passed, ${postgresFailed} failed`);
console.log(
  `Tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests + report.numTodoTests} skipped`,
);
if (ci === 'true' && postgres === 0) {
  console.error('CI=true but no Postgres store test ran: is PostgreSQL up at 127.0.0.1:5432?');
  process.exit(1);
}
process.exit(report.numFailedTests > 0 || postgresFailed > 0 ? 1 : 0);
