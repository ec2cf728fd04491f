/**
 * Naming a break in the audit hash chain. "Hash mismatch at 41" is not something an auditor can
 * act on; "seq 41 was inserted" or "seqs 41 and 42 were swapped" is. Each kind of tampering leaves
 * a recognisable pattern in the prev-hash links around the break, usually visible from the next
 * event; only an event moved far away needs a scan onward to find where it went.
 */
import { chainHash, type ChainedAuditEvent } from './audit-chain.js';

/** What a chain break points to. */
export type ChainBreakKind = 'edited' | 'inserted' | 'deleted' | 'reordered';

/** An event position and hash in the verified part of the chain. */
export interface ChainLink {
  readonly seq: number;
  readonly hash: string;
}

/** The diagnosis of a break. */
export interface ChainBreakFinding {
  readonly kind: ChainBreakKind;
  /** The first seq that cannot be trusted. */
  readonly seq: number;
  readonly message: string;
  /** The last event that verified was itself the forgery (inserted with a plausible hash). */
  readonly lastWasForged: boolean;
}

const short = (hash: string): string => `${hash.slice(0, 12)}…`;

/** Whether an event hashes correctly over its own prevHash, i.e. is a well-formed chain entry. */
export function hashesCorrectly(event: ChainedAuditEvent): boolean {
  try {
    return chainHash(event.prevHash, event) === event.hash;
  } catch {
    // A value that cannot be canonicalised (or a malformed prevHash) was not written by the store.
    return false;
  }
}

function finding(
  kind: ChainBreakKind,
  seq: number,
  message: string,
  lastWasForged = false,
): ChainBreakFinding {
  return { kind, seq, message, lastWasForged };
}

/**
 * Diagnoses a break at `event`, the first event that does not verify after `last` (and the one
 * before it, `beforeLast`). Call `start`; while it returns null, feed the following events to
 * `next` until one returns a finding, or call `end` when the log has no more events.
 */
export class ChainBreakDiagnosis {
  readonly #event: ChainedAuditEvent;
  readonly #last: ChainLink;
  readonly #beforeLast: ChainLink | null;
  /** The event links to the last good one, so only its own hash is wrong. */
  readonly #linkIntact: boolean;
  readonly #selfConsistent: boolean;
  #scanning = false;

  constructor(event: ChainedAuditEvent, last: ChainLink, beforeLast: ChainLink | null) {
    this.#event = event;
    this.#last = last;
    this.#beforeLast = beforeLast;
    this.#linkIntact = event.prevHash === last.hash;
    this.#selfConsistent = hashesCorrectly(event);
  }

  /** What the break event alone shows, or null when the following events are needed. */
  start(): ChainBreakFinding | null {
    const event = this.#event;
    const last = this.#last;
    if (!(event.seq > last.seq)) {
      return finding(
        'reordered',
        event.seq,
        `Seq ${event.seq} comes after seq ${last.seq}: events are out of order.`,
      );
    }
    if (!this.#linkIntact && this.#beforeLast && event.prevHash === this.#beforeLast.hash) {
      return finding(
        'inserted',
        last.seq,
        `Seq ${last.seq} was inserted: it has a well-formed hash, but the next event (seq ${event.seq}) links straight to seq ${this.#beforeLast.seq}.`,
        true,
      );
    }
    if (!this.#linkIntact && event.seq > last.seq + 1) {
      const missing =
        event.seq === last.seq + 2 ? `Seq ${last.seq + 1} is` : `Seqs ${last.seq + 1}–${event.seq - 1} are`;
      return finding(
        'deleted',
        last.seq + 1,
        `${missing} missing and seq ${event.seq} does not link to seq ${last.seq}: an event after seq ${last.seq} was deleted.`,
      );
    }
    return null;
  }

  /** Looks at the event after the break (then, when scanning, each later one). */
  next(following: ChainedAuditEvent): ChainBreakFinding | null {
    const event = this.#event;
    const last = this.#last;
    const followsLast = following.prevHash === last.hash;
    if (this.#scanning) {
      return followsLast
        ? finding(
            'reordered',
            event.seq,
            `Seq ${event.seq} holds an event out of place: the event that follows seq ${last.seq} is at seq ${following.seq}. Events were moved.`,
          )
        : null;
    }
    if (followsLast && this.#linkIntact) {
      return finding(
        'inserted',
        event.seq,
        `Seq ${event.seq} was inserted: its hash is wrong and the next event (seq ${following.seq}) links straight to seq ${last.seq}.`,
      );
    }
    if (followsLast && event.prevHash === following.hash) {
      return finding(
        'reordered',
        event.seq,
        `Seqs ${event.seq} and ${following.seq} were swapped: seq ${event.seq} links to seq ${following.seq}, which links to seq ${last.seq}.`,
      );
    }
    if (followsLast) {
      return finding(
        'inserted',
        event.seq,
        `Seq ${event.seq} was inserted: it does not link to seq ${last.seq}, and the next event (seq ${following.seq}) does.`,
      );
    }
    if (this.#linkIntact || !this.#selfConsistent) return this.#edited();
    // A well-formed event that follows something else: find where the true successor went.
    this.#scanning = true;
    return null;
  }

  /** The finding when the log ends before the break could be explained otherwise. */
  end(): ChainBreakFinding {
    if (!this.#scanning && (this.#linkIntact || !this.#selfConsistent)) return this.#edited();
    const event = this.#event;
    return finding(
      'deleted',
      event.seq,
      `Seq ${event.seq} links to hash ${short(event.prevHash)}, which no event in the log has: the event that followed seq ${this.#last.seq} was deleted and later events renumbered.`,
    );
  }

  #edited(): ChainBreakFinding {
    const event = this.#event;
    const which = this.#linkIntact
      ? 'hash no longer matches its content'
      : 'hashes no longer match its content and the event before it';
    return finding(
      'edited',
      event.seq,
      `Seq ${event.seq} (event ${event.eventId}) was edited: its stored ${which}.`,
    );
  }
}
