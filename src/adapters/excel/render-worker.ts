// Worker-thread entry for renderReports: renders one report per request with the branding it was
// started with, and hands the bytes back without copying them.
import { parentPort, workerData } from 'node:worker_threads';
import { ExcelReportRenderer } from './excel-report-renderer.js';
import { toTransferredError } from './render-worker-protocol.js';
import type { RenderReply, RenderRequest, RenderWorkerData } from './render-worker-protocol.js';

const port = parentPort;
if (!port) throw new Error('render-worker runs only as a worker thread started by renderReports.');

const { branding } = workerData as RenderWorkerData;
const renderer = new ExcelReportRenderer();

port.on('message', (request: RenderRequest) => {
  const started = performance.now();
  renderer.render(request.report, branding).then(
    (bytes) => {
      const renderMs = performance.now() - started;
      const reply: RenderReply = { kind: 'rendered', index: request.index, bytes, renderMs };
      // Transferring moves the memory instead of copying it, but only a buffer the bytes fill
      // alone may move: a view into a larger (pooled) buffer would take its neighbours along.
      const ownsBuffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
      port.postMessage(reply, ownsBuffer ? [bytes.buffer as ArrayBuffer] : []);
    },
    (error: unknown) => {
      const reply: RenderReply = { kind: 'failed', index: request.index, error: toTransferredError(error) };
      port.postMessage(reply);
    },
  );
});
