// `ledgerline model …`: train the anomaly model, show what is active (or that risk is in a cold
// start), list the run's flags, record auditors' verdicts and show flag precision run over run.
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { migrateToLatest, openStore } from '../adapters/store/index.js';
import { riskSettingsFor } from '../app/risk-settings.js';
import type { Verdict } from '../domain/risk/flag-ranking.js';
import type { Store } from '../ports/store.js';
import { precisionByRun, recordVerdict } from '../services/record-verdict.js';
import { loadRiskModel } from '../services/score-changes.js';
import { trainAndStoreRiskModel } from '../services/train-risk-model.js';
import { commandContext } from './cli-context.js';

async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const { config, logger } = commandContext();
  const store = await openStore(config.database.location, { logger });
  try {
    await migrateToLatest(store);
    return await work(store);
  } finally {
    await store.close();
  }
}

function positiveInt(name: string) {
  return (value: string) => {
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < 1)
      throw new InvalidArgumentError(`${name} must be a positive integer`);
    return n;
  };
}

function verdictOf(value: string): Verdict {
  if (value === 'confirmed') return 'confirmed';
  if (value === 'false-alarm' || value === 'false_alarm') return 'false_alarm';
  throw new InvalidArgumentError('verdict must be "confirmed" or "false-alarm"');
}

const out = (line: string) => process.stdout.write(`${line}\n`);

export function registerModelCommand(program: Command): void {
  const model = program
    .command('model')
    .description('The anomaly model behind risk scores: train, inspect, judge flags');

  model
    .command('train')
    .description('Train a new model version from the stored changes of the training window')
    .option(
      '--window-days <n>',
      'training window (default LEDGERLINE_MODEL_TRAINING_DAYS)',
      positiveInt('--window-days'),
    )
    .option('--trees <n>', 'number of trees', positiveInt('--trees'), 100)
    .option('--sample-size <n>', 'sub-sample size per tree', positiveInt('--sample-size'), 256)
    .option('--seed <n>', 'random seed (same seed, same changes → same model)', positiveInt('--seed'), 1)
    .option(
      '--min-changes <n>',
      'changes needed (default LEDGERLINE_MODEL_MIN_CHANGES)',
      positiveInt('--min-changes'),
    )
    .action(
      async (options: {
        windowDays?: number;
        trees: number;
        sampleSize: number;
        seed: number;
        minChanges?: number;
      }) => {
        const settings = riskSettingsFor(commandContext().config);
        await withStore(async (store) => {
          const outcome = await trainAndStoreRiskModel(
            { risk: store.risk, sheets: store.sheets, snapshots: store.snapshots, now: () => new Date() },
            {
              now: new Date(),
              windowDays: options.windowDays ?? settings.trainingWindowDays,
              minChanges: options.minChanges ?? settings.minTrainingChanges,
              trees: options.trees,
              sampleSize: options.sampleSize,
              seed: options.seed,
            },
          );
          if (!outcome.trained) {
            out(`Not trained: ${outcome.reason}.`);
            process.exitCode = 1;
            return;
          }
          const { record } = outcome;
          out(
            `Trained model ${record.id} on ${record.sampleCount} changes from ${record.trainedFrom} to ${record.trainedTo}.`,
          );
          out(`Metrics: ${JSON.stringify(record.metrics)}`);
        });
      },
    );

  model
    .command('status')
    .description('The active model, or the cold start and what ends it')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const settings = riskSettingsFor(commandContext().config);
      await withStore(async (store) => {
        const active = await loadRiskModel(store.risk);
        const stored = await store.risk.countChanges();
        const status = active
          ? { coldStart: false, model: active.summary, storedChanges: stored }
          : { coldStart: true, storedChanges: stored, minChanges: settings.minTrainingChanges };
        if (options.json) return out(JSON.stringify(status, null, 2));
        if (!active) {
          out(`Cold start: risk scores come from rules and editor context only (no anomaly model).`);
          out(
            `${stored} changes stored; a model is trained once ${settings.minTrainingChanges} are (or run \`ledgerline model train\`).`,
          );
          return;
        }
        const s = active.summary;
        out(
          `Active model ${s.id}, trained ${s.createdAt} on ${s.sampleCount} changes (${s.trainedFrom} … ${s.trainedTo}).`,
        );
        out(`Metrics: ${JSON.stringify(s.metrics)}`);
        out(`${stored} changes stored.`);
      });
    });

  model
    .command('list')
    .description('Stored model versions, newest first')
    .option('--limit <n>', 'how many', positiveInt('--limit'), 20)
    .action(async (options: { limit: number }) => {
      await withStore(async (store) => {
        const models = await store.risk.listModels({ limit: options.limit });
        if (models.length === 0) out('No model has been trained yet (cold start).');
        for (const m of models)
          out(`${m.id}\t${m.createdAt}\t${m.sampleCount} changes\t${m.trainedFrom} … ${m.trainedTo}`);
      });
    });

  model
    .command('flags')
    .description("A run's flagged changes, highest priority first")
    .requiredOption('--run <id>', 'run id (see `ledgerline audit export` or the run summary)')
    .action(async (options: { run: string }) => {
      await withStore(async (store) => {
        const changes = await store.risk.listChanges({
          runId: options.run,
          flaggedOnly: true,
          limit: 10_000,
        });
        changes.sort((a, b) => (a.flagRank ?? 0) - (b.flagRank ?? 0));
        if (changes.length === 0) out(`Run ${options.run} flagged nothing.`);
        for (const c of changes) {
          const o = c.observation;
          out(
            `#${c.flagRank}\t${o.changeId}\trisk ${c.riskScore.toFixed(2)}\t${c.category}\t${o.editor ?? 'unknown'}\t${o.sheetName} row ${o.rowNumber}\t${o.columnName ?? o.field}`,
          );
        }
      });
    });

  model
    .command('verdict')
    .description('Record an auditor verdict on a scored change: confirmed or false-alarm')
    .argument('<change-id>', 'the change id (details.risk.changeId of its events)')
    .argument('<verdict>', 'confirmed | false-alarm', verdictOf)
    .requiredOption('--by <reviewer>', 'who decided (e-mail)')
    .option('--comment <text>', 'why')
    .action(async (changeId: string, verdict: Verdict, options: { by: string; comment?: string }) => {
      await withStore(async (store) => {
        const entry = await recordVerdict(
          { risk: store.risk },
          { changeId, verdict, reviewer: options.by, comment: options.comment ?? null, now: new Date() },
        );
        out(`Recorded ${entry.verdict.replace('_', ' ')} for change ${entry.changeId} by ${entry.reviewer}.`);
      });
    });

  model
    .command('precision')
    .description('Flag precision run over run, from auditors’ verdicts')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      await withStore(async (store) => {
        const runs = await precisionByRun({ risk: store.risk });
        if (options.json) return out(JSON.stringify(runs, null, 2));
        if (runs.length === 0) out('No run has flagged a change yet.');
        for (const r of runs) {
          const precision = r.precision === null ? 'n/a' : `${(r.precision * 100).toFixed(0)} %`;
          out(
            `${r.runId}\t${r.flags} flags\t${r.confirmed} confirmed\t${r.falseAlarms} false alarms\t${r.undecided} undecided\tprecision ${precision}`,
          );
        }
      });
    });
}
