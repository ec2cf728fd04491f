// Field crews and office staff editing a running emulator through the normal API, as themselves, with
// a share of suspicious changes planted among ordinary work. Every edit yields ground-truth labels
// (returned, and appended as JSON lines to `labelsPath` when given) for measuring Ledgerline's audit.
import { appendFile } from 'node:fs/promises';
import type { SeedData } from '../seed/seed-data.js';
import { SeededRandom } from '../seed/seeded-random.js';
import { cleanFacts, unitKeyOf } from './billing-row-facts.js';
import { kindsToTry, PLANNERS, timingOf } from './edit-kinds.js';
import { EmulatorApi } from './emulator-api.js';
import { executeEdit } from './execute-edit.js';
import type { GroundTruthLabel } from './ground-truth-label.js';
import type { SheetSnapshot } from './sheet-snapshot.js';
import { buildSnapshot } from './sheet-snapshot.js';
import { buildCast } from './simulation-cast.js';
import { nextOffHoursTime, nextWorkingTime } from './simulation-clock.js';

export interface SimulationOptions {
  /** e.g. http://127.0.0.1:PORT/2.0 */
  baseUrl: string;
  /** e.g. http://127.0.0.1:PORT/__emulator */
  controlUrl: string;
  seed: SeedData;
  rounds?: number;
  editsPerRound?: number;
  randomSeed: number;
  /** Share of edits that are suspicious (0..1, default 0.25). */
  plantRate?: number;
  /** JSON-lines file the labels are appended to, edit by edit. */
  labelsPath?: string;
}

export interface SimulationResult {
  edits: number;
  labels: GroundTruthLabel[];
}

export const DEFAULT_ROUNDS = 3;
export const DEFAULT_EDITS_PER_ROUND = 10;
export const DEFAULT_PLANT_RATE = 0.25;

/** Minutes between edits within a round, and the pause before a new round. */
const EDIT_GAP: readonly [number, number] = [2, 20];
const ROUND_GAP: readonly [number, number] = [30, 180];

/**
 * Run the simulation. Each round re-reads the source sheets, then makes `editsPerRound` edits, moving the
 * emulator clock forward before each one (working hours, or 2–4 AM for off-hours edits). A row is edited
 * at most once per run, so every label still describes the row's state when the run ends.
 */
export async function simulateEdits(options: SimulationOptions): Promise<SimulationResult> {
  const rounds = options.rounds ?? DEFAULT_ROUNDS;
  const editsPerRound = options.editsPerRound ?? DEFAULT_EDITS_PER_ROUND;
  const plantRate = options.plantRate ?? DEFAULT_PLANT_RATE;
  const api = new EmulatorApi(options.baseUrl, options.controlUrl);
  const cast = buildCast(options.seed);
  const random = new SeededRandom(`ledgerline-simulator:${options.randomSeed}`);
  const sourceIds = options.seed.sheets.filter((sheet) => sheet.role === 'source').map((sheet) => sheet.id);
  const touched = new Set<number>();
  const labels: GroundTruthLabel[] = [];
  let edits = 0;

  for (let round = 0; round < rounds; round += 1) {
    const sheets: SheetSnapshot[] = [];
    // One sheet at a time: the reader's token shares the per-token rate budget with nothing else.
    for (const id of sourceIds) sheets.push(buildSnapshot(await api.getSheet(cast.reader.token, id)));
    const unitKeys = unitKeysOf(sheets);

    for (let n = 0; n < editsPerRound; n += 1) {
      // Someone else (a test, the demo) may have moved the clock: never set it backwards.
      const clockMs = await api.clock();
      const gap = n === 0 ? ROUND_GAP : EDIT_GAP;
      for (const kind of kindsToTry(random, plantRate)) {
        const at =
          timingOf(kind) === 'off_hours'
            ? nextOffHoursTime(clockMs, random)
            : nextWorkingTime(clockMs, random, gap);
        const plan = PLANNERS[kind]({
          sheets,
          clockMs: at,
          random,
          cast,
          catalogue: options.seed.catalogue,
          touched,
          unitKeys,
        });
        if (!plan) continue;
        const editAt = await api.setClock(at);
        const made = await executeEdit(api, cast, plan, editAt, sheets);
        for (const rowId of [...plan.touches, ...made.map((label) => label.rowId)]) touched.add(rowId);
        addUnitKeys(unitKeys, sheets, made);
        labels.push(...made);
        edits += 1;
        if (options.labelsPath)
          await appendFile(options.labelsPath, made.map((label) => `${JSON.stringify(label)}\n`).join(''));
        break;
      }
    }
  }
  return { edits, labels };
}

function unitKeysOf(sheets: readonly SheetSnapshot[]): Set<string> {
  const keys = new Set<string>();
  for (const sheet of sheets) {
    for (const row of sheet.rows) {
      const facts = cleanFacts(sheet, row);
      if (facts) keys.add(unitKeyOf(facts.workRequest, facts.weekEnding, facts.pole, facts.cu));
    }
  }
  return keys;
}

/** Rows the edit added count as existing units from now on. */
function addUnitKeys(
  keys: Set<string>,
  sheets: readonly SheetSnapshot[],
  made: readonly GroundTruthLabel[],
): void {
  for (const label of made) {
    const sheet = sheets.find((candidate) => candidate.id === label.sheetId);
    const row = sheet?.rows.find((candidate) => candidate.id === label.rowId);
    const facts = sheet && row ? cleanFacts(sheet, row) : undefined;
    if (facts) keys.add(unitKeyOf(facts.workRequest, facts.weekEnding, facts.pole, facts.cu));
  }
}
