// The emulator's one clock. It starts at the seed's `now` and runs with real time unless frozen, so
// every timestamp it hands out (modifiedAt, cell history, callback timestamps, attachment URL
// expiry) is reproducible in tests and can be moved by the control plane.

export interface ClockSettings {
  /** Epoch ms the clock shows at start. */
  startAt: number;
  frozen: boolean;
  /** Real-time source; injectable so the clock itself can be tested without waiting. */
  realNow?: () => number;
}

export class EmulatorClock {
  private readonly realNow: () => number;
  /** Emulated time at the moment `anchorReal` was taken. */
  private anchorEmulated: number;
  private anchorReal: number;
  private frozenFlag: boolean;
  /** Total time skipped forward through `advance`/`set`; the rate limiter adds it to real time. */
  private skipped = 0;

  constructor(settings: ClockSettings) {
    this.realNow = settings.realNow ?? (() => performance.timeOrigin + performance.now());
    this.anchorEmulated = settings.startAt;
    this.anchorReal = this.realNow();
    this.frozenFlag = settings.frozen;
  }

  /** Current emulated time, epoch ms. */
  now(): number {
    if (this.frozenFlag) return this.anchorEmulated;
    return this.anchorEmulated + (this.realNow() - this.anchorReal);
  }

  get frozen(): boolean {
    return this.frozenFlag;
  }

  /** Milliseconds the clock was moved forward by hand (never negative contributions). */
  get skippedMs(): number {
    return this.skipped;
  }

  set(at: number): void {
    const delta = at - this.now();
    if (delta > 0) this.skipped += delta;
    this.rebase(at);
  }

  advance(ms: number): void {
    if (ms > 0) this.skipped += ms;
    this.rebase(this.now() + ms);
  }

  setFrozen(frozen: boolean): void {
    this.rebase(this.now());
    this.frozenFlag = frozen;
  }

  private rebase(at: number): void {
    this.anchorEmulated = at;
    this.anchorReal = this.realNow();
  }
}
