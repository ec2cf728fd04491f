// `doctor`'s use case: run every named check, each bounded in time, and report OK/FAIL with the
// reason. One failing or hanging check never hides the others.

export interface HealthCheck {
  name: string;
  /**
   * Resolves with a short detail on success — or a HealthDetail to add a warning or more lines;
   * throws (ideally an AppError) on failure.
   */
  run(): Promise<string | HealthDetail>;
}

/** A passing check with more to say: a warning (not a failure) and lines listed under it. */
export interface HealthDetail {
  detail: string;
  warning?: boolean;
  hint?: string;
  lines?: string[];
}

export interface HealthResult {
  name: string;
  ok: boolean;
  detail: string;
  hint?: string;
  /** Passed, but needs attention. */
  warning?: boolean;
  lines?: string[];
}

export interface HealthReport {
  ok: boolean;
  results: HealthResult[];
}

export async function runHealthChecks(
  checks: readonly HealthCheck[],
  timeoutMs = 15_000,
): Promise<HealthReport> {
  const results = await Promise.all(
    checks.map(async (check): Promise<HealthResult> => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
      });
      try {
        const outcome = await Promise.race([check.run(), timeout]);
        return typeof outcome === 'string'
          ? { name: check.name, ok: true, detail: outcome }
          : { name: check.name, ok: true, ...outcome };
      } catch (error) {
        const hint = (error as { hint?: unknown }).hint;
        return {
          name: check.name,
          ok: false,
          detail: error instanceof Error ? error.message : String(error),
          ...(typeof hint === 'string' ? { hint } : {}),
        };
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return { ok: results.every((r) => r.ok), results };
}
