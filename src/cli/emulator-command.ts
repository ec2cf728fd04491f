import type { Command } from 'commander';
import { startEmulator } from '../../emulator/index.js';
import { generateSeed } from '../../emulator/seed/generate-seed.js';
import { simulateControlRoute } from '../../emulator/simulator/simulate-route.js';
import { AppError, ErrorCode } from '../domain/app-error.js';
import { emulatorVariables } from './demo-environment.js';
import { integerOption } from './option-parsers.js';

export function registerEmulatorCommand(program: Command): void {
  const emulator = program
    .command('emulator')
    .description(
      'Start the Smartsheet API emulator with a seeded workspace (for demos, development and tests)',
    )
    .option('--port <port>', 'port to listen on (0 = any free port)', integerOption('port', 0, 65_535), 8080)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option(
      '--seed <name>',
      'seed: demo (≈10,000 rows), small, tiny, or any word for a demo-sized variant',
      'demo',
    )
    .option(
      '--rate-limit <perMinute>',
      'request units per minute per token (0 = off)',
      integerOption('rate-limit', 0, 1_000_000),
      300,
    )
    .option('--debounce-ms <ms>', 'webhook callback debounce', integerOption('debounce-ms', 0, 600_000), 1000)
    .action(
      async (options: {
        port: number;
        host: string;
        seed: string;
        rateLimit: number;
        debounceMs: number;
      }) => {
        const seed = generateSeed(options.seed);
        const running = await startEmulator({
          seed,
          port: options.port,
          host: options.host,
          rateLimit: {
            enabled: options.rateLimit > 0,
            perMinute: Math.max(options.rateLimit, 1),
            heavyWeight: 10,
          },
          webhooks: { debounceMs: options.debounceMs },
          extraControlRoutes: [simulateControlRoute],
        });
        const lines = [
          `Smartsheet emulator (seed '${seed.seed}') listening`,
          `  API base URL   ${running.baseUrl}`,
          `  control plane  ${running.controlUrl}   (see emulator/README.md)`,
          '',
          'Users and tokens:',
          ...seed.users.map(
            (u) =>
              `  ${u.token.padEnd(28)} ${u.email}${u.admin ? ' (admin)' : ''}${u.expired ? ' (expired token)' : ''}`,
          ),
          '',
          'Point Ledgerline at it with:',
          ...Object.entries(emulatorVariables(seed, running.baseUrl)).map(([k, v]) => `  export ${k}=${v}`),
          '',
          'Ctrl-C stops it.',
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
        await new Promise<void>((resolve) => {
          const stop = () => void running.close().then(resolve);
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
      },
    );

  emulator
    .command('simulate')
    .description('Have simulated crews edit a running emulator (benign work plus planted suspicious changes)')
    .option('--url <controlUrl>', 'the emulator control plane', 'http://127.0.0.1:8080/__emulator')
    .option('--rounds <n>', 'rounds of edits', integerOption('rounds', 1, 100), 3)
    .option('--edits <n>', 'edits per round', integerOption('edits', 1, 500), 10)
    .option(
      '--random-seed <n>',
      'seed of the simulation',
      integerOption('random-seed', 0, Number.MAX_SAFE_INTEGER),
      1,
    )
    .action(async (options: { url: string; rounds: number; edits: number; randomSeed: number }) => {
      const response = await fetch(`${options.url.replace(/\/+$/, '')}/simulate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          rounds: options.rounds,
          editsPerRound: options.edits,
          randomSeed: options.randomSeed,
        }),
      }).catch((error: unknown) => {
        throw new AppError(ErrorCode.SMARTSHEET_UNAVAILABLE, `No emulator answers at ${options.url}`, {
          hint: 'Start one with `ledgerline emulator` first.',
          cause: error,
        });
      });
      const body = (await response.json()) as {
        edits?: number;
        labels?: { kind: string; planted: boolean }[];
        error?: string;
      };
      if (!response.ok)
        throw new AppError(
          ErrorCode.INPUT_INVALID,
          `The emulator refused the simulation: ${body.error ?? response.status}`,
        );
      const kinds = new Map<string, number>();
      for (const label of body.labels ?? []) kinds.set(label.kind, (kinds.get(label.kind) ?? 0) + 1);
      process.stdout.write(
        `${body.edits ?? 0} edits made:\n${[...kinds].map(([k, n]) => `  ${String(n).padStart(4)} ${k}`).join('\n')}\n`,
      );
    });
}
