// Everything one running emulator holds: the data set, its clock, the request budget, fault rules,
// the request log and webhook delivery. HTTP handlers and control routes receive this object; the
// data set itself is swapped wholesale on reset and load.
import type { Socket } from 'node:net';
import { EmulatorClock } from '../clock/emulator-clock.js';
import type { ResolvedOptions, ResolvedWebhookSettings } from '../emulator-options.js';
import { DownloadLinks } from '../attachments/download-links.js';
import { RequestLog } from '../control/request-log.js';
import { FaultInjector } from '../faults/fault-injector.js';
import { RateLimiter } from '../limits/rate-limiter.js';
import { WriteLocks } from '../limits/write-locks.js';
import { SeededRandom } from '../random/seeded-random.js';
import type { EmulatorState } from '../state/emulator-state.js';
import { loadSeed } from '../state/load-seed.js';
import { WebhookDispatcher } from '../webhooks/webhook-dispatcher.js';

export class EmulatorRuntime {
  readonly clock: EmulatorClock;
  readonly limiter: RateLimiter;
  readonly faults: FaultInjector;
  readonly requestLog = new RequestLog();
  readonly writeLocks = new WriteLocks();
  readonly downloads = new DownloadLinks();
  readonly webhooks: WebhookDispatcher;
  /** Sockets in the middle of a simple upload: a short body there is answered with 1075. */
  readonly uploadsInProgress = new WeakSet<Socket>();
  webhookSettings: ResolvedWebhookSettings;
  state: EmulatorState;
  /** `http://host:port`, known once the server listens; used for temporary download URLs. */
  origin = '';

  constructor(readonly options: ResolvedOptions) {
    this.clock = new EmulatorClock({ startAt: Date.parse(options.seed.now), frozen: options.frozen });
    // The budget window follows real time plus any time skipped on the clock, so a test can free
    // the budget with `advanceMs` while a frozen clock still lets real backoff work.
    this.limiter = new RateLimiter({ ...options.rateLimit }, () => performance.now() + this.clock.skippedMs);
    // Fault dice and callback drops use their own stream so they never shift the ids of new objects.
    const dice = new SeededRandom(options.randomSeed ^ 0x5bd1e995);
    this.faults = new FaultInjector(dice);
    this.webhookSettings = { ...options.webhooks };
    this.state = loadSeed(options.seed, options.randomSeed);
    this.webhooks = new WebhookDispatcher({
      webhooks: () => this.state.webhooks,
      clock: this.clock,
      settings: () => this.webhookSettings,
      random: dice,
      onError: options.onInternalError,
    });
  }

  /**
   * Back to the seed the emulator started with: data, clock, request budgets and pending callbacks.
   * Fault rules, limits, webhook settings and the request log are configuration and stay.
   */
  reset(): void {
    this.webhooks.stopAll();
    this.downloads.clear();
    this.limiter.reset();
    this.state = loadSeed(this.options.seed, this.options.randomSeed);
    this.clock.set(Date.parse(this.options.seed.now));
    this.clock.setFrozen(this.options.frozen);
  }

  replaceState(state: EmulatorState): void {
    this.webhooks.stopAll();
    this.downloads.clear();
    this.state = state;
  }
}
