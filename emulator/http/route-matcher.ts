// Method + path pattern → route. Patterns read like Smartsheet's docs (`/sheets/{sheetId}/rows`);
// a route's name is "METHOD pattern", which the request log, counters and fault rules use.
// Literal segments compare case-insensitively (the docs and SDK disagree on `resetSharedSecret`
// vs `resetsharedsecret`) and one trailing slash is ignored (SDK issue #95).

type Segment = { literal: string } | { param: string };

export interface RouteSpec {
  method: string;
  pattern: string;
}

export interface CompiledRoute<S extends RouteSpec> {
  spec: S;
  method: string;
  /** "METHOD pattern", e.g. `GET /sheets/{sheetId}`. */
  name: string;
  segments: Segment[];
}

export type RouteMatch<S extends RouteSpec> =
  | { kind: 'found'; route: CompiledRoute<S>; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: string[]; pattern: string }
  | { kind: 'not-found' };

function compile(pattern: string): Segment[] {
  return pattern
    .split('/')
    .filter((part) => part.length > 0)
    .map((part) => {
      const param = /^\{(\w+)\}$/.exec(part);
      return param?.[1] ? { param: param[1] } : { literal: part.toLowerCase() };
    });
}

/** Path segments, or undefined for paths no route can match (empty segments, bad escapes). */
function splitPath(path: string): string[] | undefined {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  const parts = trimmed.split('/').slice(1);
  if (parts.some((part) => part.length === 0) && trimmed !== '/') return undefined;
  try {
    return trimmed === '/' ? [] : parts.map((part) => decodeURIComponent(part));
  } catch {
    return undefined;
  }
}

function matchSegments(segments: Segment[], parts: string[]): Record<string, string> | undefined {
  if (segments.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i];
    const part = parts[i] ?? '';
    if (!segment) return undefined;
    if ('literal' in segment) {
      if (segment.literal !== part.toLowerCase()) return undefined;
    } else {
      params[segment.param] = part;
    }
  }
  return params;
}

export class RouteTable<S extends RouteSpec> {
  readonly routes: CompiledRoute<S>[];

  constructor(specs: readonly S[]) {
    this.routes = specs.map((spec) => ({
      spec,
      method: spec.method,
      name: `${spec.method} ${spec.pattern}`,
      segments: compile(spec.pattern),
    }));
  }

  /** Matches a path relative to the table's prefix (e.g. `/sheets/1` under `/2.0`). */
  match(method: string, path: string): RouteMatch<S> {
    const parts = splitPath(path);
    if (!parts) return { kind: 'not-found' };
    const allowed: string[] = [];
    let pattern = '';
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      if (route.method === method) return { kind: 'found', route, params };
      allowed.push(route.method);
      pattern = route.spec.pattern;
    }
    return allowed.length > 0 ? { kind: 'method-not-allowed', allowed, pattern } : { kind: 'not-found' };
  }
}
