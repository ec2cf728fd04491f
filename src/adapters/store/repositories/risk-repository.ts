import type { Selectable } from 'kysely';
import type { JsonObject } from '../../../domain/audit-chain.js';
import type { ChangeObservation } from '../../../domain/risk/change-observation.js';
import type { Verdict } from '../../../domain/risk/flag-ranking.js';
import type { RiskModelSummary, RiskStore, ScoredChange, ScoredChangeFilter } from '../../../ports/store.js';
import { batchesWithinParameterLimit } from '../bind-parameter-limits.js';
import { instantToDb, jsonFromDb, jsonToDb } from '../column-codecs.js';
import type { Database, RiskChangesTable, RiskModelsTable } from '../database-schema.js';
import type { SqlContext } from '../sql-context.js';
import { sumChangesBySlot, tallyChangesByEditor } from './dashboard-figure-queries.js';
import type { SelectQueryBuilder } from 'kysely';

const CHANGE_COLUMNS = 16;

/** The risk_changes, risk_models and risk_verdicts tables behind RiskStore. */
export function createRiskRepository(context: SqlContext): RiskStore {
  const { db, dialect } = context;
  const fromRow = (row: Selectable<RiskChangesTable>): ScoredChange => ({
    observation: jsonFromDb<ChangeObservation>(dialect, row.observation),
    anomalyScore: row.anomaly_score,
    riskScore: row.risk_score,
    category: row.category,
    signature: row.signature,
    modelId: row.model_id,
    explanation: jsonFromDb<JsonObject>(dialect, row.explanation),
    flagRank: row.flag_rank,
    flagPriority: row.flag_priority,
  });
  const summaryOf = (row: Omit<Selectable<RiskModelsTable>, 'parameters'>): RiskModelSummary => ({
    id: row.id,
    createdAt: row.created_at,
    trainedFrom: row.trained_from,
    trainedTo: row.trained_to,
    sampleCount: row.sample_count,
    metrics: jsonFromDb<JsonObject>(dialect, row.metrics),
  });
  const filtered = <O>(
    query: SelectQueryBuilder<Database, 'risk_changes', O>,
    filter: ScoredChangeFilter,
  ): SelectQueryBuilder<Database, 'risk_changes', O> => {
    let q = query;
    if (filter.runId !== undefined) q = q.where('run_id', '=', filter.runId);
    if (filter.changedFrom !== undefined) q = q.where('changed_at', '>=', instantToDb(filter.changedFrom));
    if (filter.changedTo !== undefined) q = q.where('changed_at', '<=', instantToDb(filter.changedTo));
    if (filter.flaggedOnly) q = q.where('flag_rank', 'is not', null);
    return q;
  };

  return {
    async recordChanges(changes) {
      let inserted = 0;
      for (const batch of batchesWithinParameterLimit(dialect, changes, CHANGE_COLUMNS)) {
        const result = await db
          .insertInto('risk_changes')
          .values(
            batch.map((c) => ({
              change_id: c.observation.changeId,
              run_id: c.observation.runId,
              sheet_id: c.observation.sheetId,
              row_id: c.observation.rowId,
              changed_at: instantToDb(c.observation.changedAt),
              editor: c.observation.editor,
              delta_cents: c.observation.deltaCents,
              observation: jsonToDb(c.observation),
              anomaly_score: c.anomalyScore,
              risk_score: c.riskScore,
              category: c.category,
              signature: c.signature,
              model_id: c.modelId,
              explanation: jsonToDb(c.explanation),
              flag_rank: c.flagRank,
              flag_priority: c.flagPriority,
            })),
          )
          .onConflict((conflict) => conflict.column('change_id').doNothing())
          .executeTakeFirst();
        inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
      }
      return inserted;
    },

    async listChanges(filter) {
      let q = filtered(db.selectFrom('risk_changes').selectAll(), filter);
      if (filter.after) {
        const at = instantToDb(filter.after.changedAt);
        const id = filter.after.changeId;
        q = q.where((eb) =>
          eb.or([eb('changed_at', '>', at), eb.and([eb('changed_at', '=', at), eb('change_id', '>', id)])]),
        );
      }
      const rows = await q.orderBy('changed_at').orderBy('change_id').limit(filter.limit).execute();
      return rows.map(fromRow);
    },

    async countChanges(filter = {}) {
      const row = await filtered(
        db.selectFrom('risk_changes').select((eb) => eb.fn.countAll<number | string>().as('n')),
        filter,
      ).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async listActivity({ changedFrom, editors }) {
      const since = instantToDb(changedFrom);
      const base = () =>
        db
          .selectFrom('risk_changes')
          .select(['change_id', 'editor', 'sheet_id', 'changed_at'])
          .where('changed_at', '>=', since);
      const named = [...new Set(editors.filter((e): e is string => e !== null))];
      const rows = [];
      // Batched so a run with many editors stays under the engines' bind-parameter limits.
      for (const batch of batchesWithinParameterLimit(dialect, named, 1, 1)) {
        rows.push(...(await base().where('editor', 'in', batch).execute()));
      }
      if (editors.includes(null)) rows.push(...(await base().where('editor', 'is', null).execute()));
      return rows.map((row) => ({
        changeId: row.change_id,
        editor: row.editor,
        sheetId: Number(row.sheet_id),
        changedAt: row.changed_at,
      }));
    },

    async getChange(changeId) {
      const row = await db
        .selectFrom('risk_changes')
        .selectAll()
        .where('change_id', '=', changeId)
        .executeTakeFirst();
      return row && fromRow(row);
    },

    sumChangesBySlot: (range) => sumChangesBySlot(context, range),
    tallyChangesByEditor: (range) => tallyChangesByEditor(context, range),

    async rescoreChanges(updates) {
      await db.transaction().execute(async (trx) => {
        for (const u of updates) {
          await trx
            .updateTable('risk_changes')
            .set({
              observation: jsonToDb(u.observation),
              risk_score: u.riskScore,
              category: u.category,
              signature: u.signature,
              explanation: jsonToDb(u.explanation),
            })
            .where('change_id', '=', u.observation.changeId)
            .execute();
        }
      });
    },

    async setFlags(runId, flags) {
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('risk_changes')
          .set({ flag_rank: null, flag_priority: null })
          .where('run_id', '=', runId)
          .where('flag_rank', 'is not', null)
          .execute();
        for (const flag of flags) {
          await trx
            .updateTable('risk_changes')
            .set({ flag_rank: flag.rank, flag_priority: flag.priority })
            .where('change_id', '=', flag.changeId)
            .execute();
        }
      });
    },

    async saveModel(model) {
      await db
        .insertInto('risk_models')
        .values({
          id: model.id,
          created_at: instantToDb(model.createdAt),
          trained_from: instantToDb(model.trainedFrom),
          trained_to: instantToDb(model.trainedTo),
          sample_count: model.sampleCount,
          parameters: model.parameters,
          metrics: jsonToDb(model.metrics),
        })
        .execute();
    },

    async latestModel() {
      const row = await db
        .selectFrom('risk_models')
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row && { ...summaryOf(row), parameters: row.parameters };
    },

    async listModels({ limit }) {
      const rows = await db
        .selectFrom('risk_models')
        .select(['id', 'created_at', 'trained_from', 'trained_to', 'sample_count', 'metrics'])
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(summaryOf);
    },

    async recordVerdict(verdict) {
      await db
        .insertInto('risk_verdicts')
        .values({
          change_id: verdict.changeId,
          decided_at: instantToDb(verdict.decidedAt),
          verdict: verdict.verdict,
          reviewer: verdict.reviewer,
          comment: verdict.comment,
          signature: verdict.signature,
          run_id: verdict.runId,
        })
        .execute();
    },

    async listVerdicts() {
      const rows = await db
        .selectFrom('risk_verdicts')
        .selectAll()
        .orderBy('decided_at')
        .orderBy('change_id')
        .execute();
      return rows.map((row) => ({
        changeId: row.change_id,
        verdict: row.verdict as Verdict,
        reviewer: row.reviewer,
        comment: row.comment,
        decidedAt: row.decided_at,
        signature: row.signature,
        runId: row.run_id,
      }));
    },
  };
}
