import { afterEach, describe, expect, it } from 'vitest';
import { readContentHash } from '../../src/adapters/excel/content-hash-property.js';
import { parseReportFileName, reportIdentityKey } from '../../src/domain/report-identity.js';
import type { ReportStore } from '../../src/ports/report-store.js';
import { startCycleHarness } from '../support/report-cycle-harness.js';
import type { CycleHarness } from '../support/report-cycle-harness.js';

const open: CycleHarness[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
});

async function start(options: Parameters<typeof startCycleHarness>[0]) {
  const h = await startCycleHarness(options);
  open.push(h);
  return h;
}

/** Attachment names on the target sheet, with how many files carry each report identity. */
async function identityCounts(h: CycleHarness): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const a of await h.source.listRowAttachments(h.targetSheetId)) {
    const identity = parseReportFileName(a.name);
    if (!identity.ok) continue;
    const key = reportIdentityKey(identity.value);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Content hash of each current attachment, by file name. */
async function publishedContent(h: CycleHarness): Promise<Map<string, string | undefined>> {
  const out = new Map<string, string | undefined>();
  for (const a of await h.source.listRowAttachments(h.targetSheetId)) {
    out.set(a.name, await readContentHash(await h.client.downloadAttachment(h.targetSheetId, a.id)));
  }
  return out;
}

describe('publishing survives crashes and faults', () => {
  it('converges to one current file per identity after a crash between upload and record', async () => {
    const h = await start({ seed: 'tiny' });
    let recorded = 0;
    // The process "dies" right after the 3rd upload succeeded, before its hash is recorded.
    const crashing: ReportStore = {
      ...h.store.reports,
      recordPublished: async (report) => {
        recorded += 1;
        if (recorded === 3) throw new Error('killed after upload, before the hash was recorded');
        return h.store.reports.recordPublished(report);
      },
    };
    const crashed = await h.run({ override: { reports: crashing } });
    expect(crashed.status).toBe('failed');

    const recovered = await h.run();
    expect(recovered.status).toBe('succeeded');
    const counts = await identityCounts(h);
    const published = await h.store.reports.listPublishedReports();
    expect(counts.size).toBe(published.length);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(recovered.reports.deleted).toBeGreaterThanOrEqual(1); // the unrecorded twin is gone
  });

  it('cleans up older files left by a failed delete on the next run', async () => {
    const h = await start({ seed: 'tiny', maxRetryMs: 300 });
    await h.run();
    const published = await h.store.reports.listPublishedReports();
    // Change one row so its group is republished, and make every delete fail meanwhile.
    const target = published[0];
    expect(target).toBeDefined();
    await h.store.reports.recordPublished({ ...target!, contentHash: 'stale' });
    await h.control('PUT', '/faults', {
      rules: [
        { route: 'DELETE /sheets/{sheetId}/attachments/{attachmentId}', kind: 'error-4000', count: 1000 },
      ],
    });
    const failing = await h.run();
    expect(failing.reports.uploaded).toBe(1);
    expect(failing.findings.some((f) => f.kind === 'delete-failed')).toBe(true);
    expect((await identityCounts(h)).get(target!.identityKey)).toBe(2);

    await h.control('DELETE', '/faults');
    const repaired = await h.run();
    expect(repaired.reports.deleted).toBe(1);
    expect((await identityCounts(h)).get(target!.identityKey)).toBe(1);
    const current = (await h.store.reports.getPublishedReport(target!.identityKey))!;
    const files = (await h.source.listRowAttachments(h.targetSheetId)).filter(
      (a) => a.name === target!.fileName,
    );
    expect(files.map((f) => f.id)).toEqual([current.attachmentId]);
  });

  it('with 10 % injected 5xx, 4004, HTML 502 and connection resets, leaves the same files as a fault-free run', async () => {
    const clean = await start({ seed: 'small' });
    expect((await clean.run()).status).toBe('succeeded');
    const expected = await publishedContent(clean);

    const faulty = await start({ seed: 'small', perMinute: 3_000 });
    await faulty.control('PUT', '/faults', {
      rules: [
        { route: '*', kind: 'error-4000', rate: 0.03 },
        { route: '*', kind: 'error-4004', rate: 0.03 },
        { route: '*', kind: 'html-502', rate: 0.02 },
        { route: '*', kind: 'reset', rate: 0.02 },
      ],
    });
    const summary = await faulty.run();
    await faulty.control('DELETE', '/faults');
    expect(summary.status).toBe('succeeded');
    const log = (await faulty.control('GET', '/requests')) as { entries: { status: number }[] };
    expect(log.entries.filter((e) => e.status >= 500).length).toBeGreaterThan(5);
    expect(await publishedContent(faulty)).toEqual(expected);
    // The shared budget kept the client inside the emulator's limit: no 429 at all.
    const counts = (await faulty.control('GET', '/requests/counts')) as { rateLimited: number };
    expect(counts.rateLimited).toBe(0);
  });
});
