import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { FocusAttribution } from './FocusAttribution';
import { FocusExportMapper } from './FocusExportMapper';
import { FocusRecordEncoder } from './FocusRecordBatch';
import {
  FocusReadOptions,
  FocusReadReply,
  FocusReadRequest,
} from './focusReadMessages';

/** The worker data of a thread started to read FOCUS exports. */
export const FOCUS_READ_WORKER = 'tollgate.focusReadWorker';

/**
 * Reads FOCUS exports on a worker thread: parses the bytes the fetch sends, maps the
 * rows and answers their records as compact batches (see FocusRecordBatch), so that
 * parsing runs beside the writing of the records on the main thread. A thread serves
 * one fetch at a time, and then the next.
 */
function serve() {
  const port = parentPort!;
  let options: FocusReadOptions;
  let attribution: FocusAttribution;
  let encoder: FocusRecordEncoder;
  let mapper: FocusExportMapper | undefined;
  const send = (reply: FocusReadReply, transfer: ArrayBuffer[] = []) =>
    port.postMessage(reply, transfer);
  const sendRecords = (records: ReturnType<FocusExportMapper['push']>) => {
    const { batch, transfer } = encoder.encode(records);
    send({ type: 'records', batch }, transfer);
  };
  port.on('message', (request: FocusReadRequest) => {
    try {
      if (request.type === 'begin') {
        options = request.options;
        attribution = FocusAttribution.fromRefs(options.keys, options.refs);
        encoder = new FocusRecordEncoder();
        mapper = undefined;
        send({ type: 'ready' });
      } else if (request.type === 'open') {
        mapper = new FocusExportMapper({
          name: request.name,
          window: options.window,
          attribution,
          currency: options.currency,
          reject: options.reject,
        });
      } else if (request.type === 'chunk') {
        sendRecords(mapper!.push(request.bytes));
      } else if (request.type === 'end') {
        sendRecords(mapper!.end());
        send({
          type: 'ended',
          tally: mapper!.tally,
          invalidRows:
            mapper!.invalid.count > 0 ? mapper!.invalid.describe() : '',
        });
        mapper = undefined;
      } else {
        send({ type: 'finished', unmatched: attribution.unmatched });
      }
    } catch (error) {
      const e = error as Error;
      send({
        type: 'failed',
        message: e?.message ?? String(error),
        inputError: e?.name === 'InputError',
      });
    }
  });
}

if (!isMainThread && workerData === FOCUS_READ_WORKER) {
  serve();
}
