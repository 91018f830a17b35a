import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { FocusAttribution } from './FocusAttribution';
import { FocusExportMapper } from './FocusExportMapper';
import { FocusRecordEncoder } from './FocusRecordBatch';
import { lowerThreadPriority } from './lowerThreadPriority';
import {
  FocusReadOptions,
  FocusReadReply,
  FocusReadRequest,
} from './focusReadMessages';

/**
 * Bytes parsed at a time, however large the chunks that arrive: the rows of a few
 * kilobytes are mapped and forgotten while young, which is cheap to collect.
 */
const PARSE_BYTES = 32 * 1024;

/** The worker data of a thread started to read FOCUS exports. */
export const FOCUS_READ_WORKER = 'tollgate.focusReadWorker';

/**
 * Reads FOCUS exports on a worker thread: parses the bytes the fetch sends, maps the
 * rows and answers their records as compact batches (see FocusRecordBatch), so that
 * parsing runs beside the writing of the records on the main thread. A thread serves
 * one fetch at a time, and then the next.
 */
function serve() {
  lowerThreadPriority();
  const port = parentPort!;
  let options: FocusReadOptions;
  let attribution: FocusAttribution;
  let encoder: FocusRecordEncoder;
  let mapper: FocusExportMapper | undefined;
  const send = (reply: FocusReadReply, transfer: ArrayBuffer[] = []) =>
    port.postMessage(reply, transfer);
  const sendRecords = () => {
    const { batch, transfer } = encoder.take();
    send({ type: 'records', batch }, transfer);
  };
  port.on('message', (request: FocusReadRequest) => {
    try {
      if (request.type === 'begin') {
        options = request.options;
        attribution = FocusAttribution.fromRefs(options.keys, options.refs);
        encoder = new FocusRecordEncoder();
        mapper = undefined;
        if (request.answer) {
          send({ type: 'ready' });
        }
      } else if (request.type === 'open') {
        mapper = new FocusExportMapper({
          name: request.name,
          window: options.window,
          attribution,
          currency: options.currency,
          reject: options.reject,
        });
      } else if (request.type === 'chunk') {
        const { bytes } = request;
        for (let at = 0; at < bytes.byteLength; at += PARSE_BYTES) {
          encoder.add(mapper!.push(bytes.subarray(at, at + PARSE_BYTES)));
        }
        sendRecords();
      } else if (request.type === 'end') {
        encoder.add(mapper!.end());
        sendRecords();
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
