// What every endpoint family needs from the client: the HTTP layer and the per-sheet write queue.
import type { Logger } from '../../ports/logger.js';
import type { SheetWriteQueue } from './sheet-write-queue.js';
import type { SmartsheetHttp } from './smartsheet-http.js';

export interface EndpointContext {
  http: SmartsheetHttp;
  writes: SheetWriteQueue;
  logger: Logger | undefined;
}
