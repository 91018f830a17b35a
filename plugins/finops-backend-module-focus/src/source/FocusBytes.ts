import { Readable } from 'node:stream';

/**
 * An export's bytes, read into buffers that the reader gives: the reading thread
 * reads each chunk straight into the memory it shares with its worker.
 */
export interface FocusBytes {
  /** Reads the next bytes into the buffer; answers how many, 0 once the export has ended. */
  readInto(buffer: Uint8Array): Promise<number>;
  /** Stops reading and releases the export. */
  close(): Promise<void>;
}

/** The bytes of a stream, copied into the buffers as they arrive. */
export function streamBytes(stream: Readable): FocusBytes {
  const chunks = stream[Symbol.asyncIterator]();
  let pending: Uint8Array = new Uint8Array(0);
  return {
    async readInto(buffer) {
      while (pending.byteLength === 0) {
        const next = await chunks.next();
        if (next.done) {
          return 0;
        }
        pending =
          typeof next.value === 'string'
            ? Buffer.from(next.value)
            : (next.value as Uint8Array);
      }
      const length = Math.min(buffer.byteLength, pending.byteLength);
      buffer.set(pending.subarray(0, length));
      pending = pending.subarray(length);
      return length;
    },
    async close() {
      stream.destroy();
    },
  };
}
