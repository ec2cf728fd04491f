// A clock for tests: `sleep` moves time forward at once instead of waiting, so backoff and budget
// waits of minutes run in microseconds and every delay can be asserted exactly.
export class VirtualClock {
  readonly sleeps: number[] = [];

  constructor(private time = Date.UTC(2026, 8, 2, 10, 0, 0)) {}

  readonly now = (): number => this.time;

  readonly sleep = async (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    this.time += Math.max(0, ms);
  };

  advance(ms: number): void {
    this.time += ms;
  }
}
