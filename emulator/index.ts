// The Smartsheet API emulator: startEmulator() serves /2.0 (the API), /__emulator (control plane)
// and /files (temporary attachment downloads) from an in-memory data set loaded from SeedData.
import type { AddressInfo } from 'node:net';
import type { ControlRouteSpec } from './control/control-request.js';
import { controlRoutes } from './control/control-routes.js';
import { type EmulatorOptions, resolveOptions } from './emulator-options.js';
import { createEmulatorServer } from './http/http-server.js';
import { EmulatorRuntime } from './runtime/emulator-runtime.js';
import type { SeedData } from './seed/seed-data.js';

export type { EmulatorOptions, WebhookSettings } from './emulator-options.js';
export type {
  ControlRouteSpec,
  ControlHandler,
  ControlRequest,
  ControlResult,
} from './control/control-request.js';
export { ControlError } from './control/control-request.js';
export { EmulatorRuntime } from './runtime/emulator-runtime.js';
export type { EmulatorState } from './state/emulator-state.js';
export type { RequestLogEntry, RequestCounts } from './control/request-log.js';
export type { FaultRule, FaultKind } from './faults/fault-injector.js';

export interface RunningEmulator {
  /** `http://127.0.0.1:PORT/2.0` (no trailing slash). */
  baseUrl: string;
  /** `http://127.0.0.1:PORT/__emulator`. */
  controlUrl: string;
  port: number;
  users: SeedData['users'];
  /** The live emulator, for in-process tests and the simulator. */
  runtime: EmulatorRuntime;
  close(): Promise<void>;
}

export interface StartOptions extends EmulatorOptions {
  /** Extra control routes (e.g. the edit simulator's `POST /simulate`), added to the table. */
  extraControlRoutes?: readonly ControlRouteSpec[];
}

export async function startEmulator(options: StartOptions): Promise<RunningEmulator> {
  const resolved = resolveOptions(options);
  const runtime = new EmulatorRuntime(resolved);
  const server = createEmulatorServer(runtime, [...controlRoutes, ...(options.extraControlRoutes ?? [])]);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(resolved.port, resolved.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  // A wildcard bind still has to be reached through a concrete address.
  const host = resolved.host === '0.0.0.0' || resolved.host === '::' ? '127.0.0.1' : resolved.host;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  runtime.origin = origin;
  return {
    baseUrl: `${origin}/2.0`,
    controlUrl: `${origin}/__emulator`,
    port,
    users: runtime.state.users,
    runtime,
    async close() {
      runtime.webhooks.stopAll();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
