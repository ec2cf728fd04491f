// Switchable failures per route (smartsheet-api.md §11.11): server errors with Smartsheet's codes,
// a proxy's HTML 502, a dropped connection, and slow answers. A rule fires at a rate (0..1), for the
// next N matching requests, or always; latency rules add up, the first failing rule wins.
import type { SeededRandom } from '../random/seeded-random.js';

export const FAULT_KINDS = [
  'error-4000',
  'error-4001',
  'error-4002',
  'error-4004',
  'html-502',
  'reset',
  'latency',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];
export type FailureKind = Exclude<FaultKind, 'latency'>;

export interface FaultRule {
  /** A route name such as `GET /sheets/{sheetId}`, or `*` for every route. */
  route: string;
  method?: string;
  kind: FaultKind;
  rate?: number;
  count?: number;
  latencyMs?: number;
  jitterMs?: number;
}

export interface FaultDecision {
  latencyMs: number;
  failure?: FailureKind;
}

interface ActiveRule extends FaultRule {
  remaining?: number;
}

/** Checks a rule list from the control plane; returns a message for the first problem. */
export function validateFaultRules(input: unknown): FaultRule[] | string {
  if (!Array.isArray(input)) return 'rules must be an array';
  const rules: FaultRule[] = [];
  for (const [index, raw] of input.entries()) {
    if (typeof raw !== 'object' || raw === null) return `rules[${index}] must be an object`;
    const rule = raw as Record<string, unknown>;
    const { route, method, kind, rate, count, latencyMs, jitterMs } = rule;
    if (typeof route !== 'string' || route.length === 0)
      return `rules[${index}].route must be a route name or '*'`;
    if (typeof kind !== 'string' || !(FAULT_KINDS as readonly string[]).includes(kind)) {
      return `rules[${index}].kind must be one of ${FAULT_KINDS.join(', ')}`;
    }
    if (method !== undefined && typeof method !== 'string') return `rules[${index}].method must be a string`;
    if (rate !== undefined && (typeof rate !== 'number' || rate < 0 || rate > 1))
      return `rules[${index}].rate must be in 0..1`;
    if (count !== undefined && (typeof count !== 'number' || !Number.isInteger(count) || count < 1)) {
      return `rules[${index}].count must be a positive integer`;
    }
    for (const [name, ms] of [
      ['latencyMs', latencyMs],
      ['jitterMs', jitterMs],
    ] as const) {
      if (ms !== undefined && (typeof ms !== 'number' || ms < 0))
        return `rules[${index}].${name} must be >= 0`;
    }
    rules.push({
      route,
      kind: kind as FaultKind,
      ...(typeof method === 'string' ? { method: method.toUpperCase() } : {}),
      ...(typeof rate === 'number' ? { rate } : {}),
      ...(typeof count === 'number' ? { count } : {}),
      ...(typeof latencyMs === 'number' ? { latencyMs } : {}),
      ...(typeof jitterMs === 'number' ? { jitterMs } : {}),
    });
  }
  return rules;
}

export class FaultInjector {
  private rules: ActiveRule[] = [];

  constructor(private readonly random: SeededRandom) {}

  setRules(rules: readonly FaultRule[]): void {
    this.rules = rules.map((rule) => ({
      ...rule,
      ...(rule.count !== undefined ? { remaining: rule.count } : {}),
    }));
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return this.rules.map(({ remaining: _remaining, ...rule }) => rule);
  }

  decide(routeName: string, method: string): FaultDecision {
    let latencyMs = 0;
    let failure: FailureKind | undefined;
    for (const rule of this.rules) {
      if (rule.route !== '*' && rule.route !== routeName) continue;
      if (rule.method !== undefined && rule.method !== method) continue;
      // Latency stacks; only the first failure applies and later failure rules are left untouched.
      if (rule.kind !== 'latency' && failure !== undefined) continue;
      if (!this.fires(rule)) continue;
      if (rule.kind === 'latency') {
        latencyMs += (rule.latencyMs ?? 0) + this.random.nextFloat() * (rule.jitterMs ?? 0);
      } else {
        failure = rule.kind;
      }
    }
    this.rules = this.rules.filter((rule) => rule.remaining === undefined || rule.remaining > 0);
    return failure === undefined ? { latencyMs } : { latencyMs, failure };
  }

  private fires(rule: ActiveRule): boolean {
    if (rule.remaining !== undefined && rule.remaining <= 0) return false;
    if (rule.rate !== undefined && this.random.nextFloat() >= rule.rate) return false;
    if (rule.remaining !== undefined) rule.remaining -= 1;
    return true;
  }
}
