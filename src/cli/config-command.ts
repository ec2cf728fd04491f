import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { redactedConfig, renderEnvExample, withConfigTable } from '../config/index.js';
import { AppError, ErrorCode } from '../domain/app-error.js';
import { commandContext } from './cli-context.js';

export function registerConfigCommand(program: Command): void {
  const config = program.command('config').description('Inspect the configuration');
  config
    .command('show')
    .description('Print the effective configuration with secrets masked')
    .action(() => {
      process.stdout.write(`${JSON.stringify(redactedConfig(commandContext().config), null, 2)}\n`);
    });
  config
    .command('docs')
    .description("Regenerate README.md's configuration table and .env.example from the schema")
    .option('--write', 'write the files (default: check they are current)')
    .action((options: { write?: boolean }) => {
      const readme = readFileSync('README.md', 'utf8');
      const files = { 'README.md': withConfigTable(readme), '.env.example': renderEnvExample() };
      const stale: string[] = [];
      for (const [file, text] of Object.entries(files)) {
        let current = '';
        try {
          current = readFileSync(file, 'utf8');
        } catch {
          // A missing file is simply stale.
        }
        if (current === text) continue;
        if (options.write) writeFileSync(file, text);
        else stale.push(file);
      }
      if (stale.length > 0) {
        throw new AppError(ErrorCode.INPUT_INVALID, `Out of date: ${stale.join(', ')}`, {
          hint: 'Run `npm run docs:config`.',
        });
      }
      process.stdout.write(
        options.write ? 'Configuration docs written.\n' : 'Configuration docs are current.\n',
      );
    });
}
