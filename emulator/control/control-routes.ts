// The control plane (/__emulator/…), test-only and never under /2.0. One table: another route is
// one more line here.
import { RouteTable } from '../http/route-matcher.js';
import { getClock, setClock } from './clock-control.js';
import type { ControlRouteSpec } from './control-request.js';
import { listUsers, loadData, resetData, saveData } from './data-control.js';
import { clearFaults, listFaults, setFaults, setLimits } from './limit-control.js';
import { clearRequests, countRequests, listRequests } from './request-control.js';
import { configureWebhooks, flushWebhooks } from './webhook-control.js';

export const controlRoutes: ControlRouteSpec[] = [
  { method: 'POST', pattern: '/reset', run: resetData },
  { method: 'GET', pattern: '/clock', run: getClock },
  { method: 'POST', pattern: '/clock', run: setClock },
  { method: 'POST', pattern: '/webhooks/flush', run: flushWebhooks },
  { method: 'PUT', pattern: '/webhooks/config', run: configureWebhooks },
  { method: 'GET', pattern: '/requests', run: listRequests },
  { method: 'GET', pattern: '/requests/counts', run: countRequests },
  { method: 'DELETE', pattern: '/requests', run: clearRequests },
  { method: 'PUT', pattern: '/faults', run: setFaults },
  { method: 'GET', pattern: '/faults', run: listFaults },
  { method: 'DELETE', pattern: '/faults', run: clearFaults },
  { method: 'PUT', pattern: '/limits', run: setLimits },
  { method: 'POST', pattern: '/save', run: saveData },
  { method: 'POST', pattern: '/load', run: loadData },
  { method: 'GET', pattern: '/users', run: listUsers },
];

export function controlRouteTable(
  routes: readonly ControlRouteSpec[] = controlRoutes,
): RouteTable<ControlRouteSpec> {
  return new RouteTable(routes);
}
