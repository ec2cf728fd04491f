// The Smartsheet request budget (smartsheet-api.md §2, DESIGN.md invariant 6): every call waits for
// its units first. One process uses an in-memory token bucket; a cluster shares one in Postgres.

export interface RequestBudget {
  /** Resolves once `weight` units may be spent; waits (in FIFO order) while the budget is used up. */
  acquire(weight: number): Promise<void>;
  /**
   * Smartsheet answered 429 anyway (it "reserves the right to enforce this limit depending on the
   * load"): nobody spends from this budget for `ms`, so concurrent calls stop hammering too.
   */
  pauseFor(ms: number): void;
}
