// Every event one run appended, in chain order: what a run's coordinator, or its alerts job, reads
// back when the events were appended by other processes (sheet-sync and webhook-batch jobs).
import type { ChainedAuditEvent } from '../domain/audit-chain.js';
import type { AuditStore } from '../ports/audit-store.js';

const PAGE = 1_000;

export async function listRunEvents(
  audit: Pick<AuditStore, 'listEvents'>,
  runId: string,
): Promise<ChainedAuditEvent[]> {
  const events: ChainedAuditEvent[] = [];
  let fromSeq: number | undefined;
  for (;;) {
    const page = await audit.listEvents({
      runId,
      limit: PAGE,
      order: 'asc',
      ...(fromSeq ? { fromSeq } : {}),
    });
    events.push(...page.events);
    if (page.nextSeq === null) return events;
    fromSeq = page.nextSeq;
  }
}
