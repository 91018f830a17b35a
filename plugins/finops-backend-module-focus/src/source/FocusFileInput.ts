import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { FocusInput } from './FocusInput';

/** Bytes read at a time: each chunk is a message to the reading thread. */
const CHUNK_BYTES = 256 * 1024;

/** A FOCUS export file on local disk. */
export class FocusFileInput implements FocusInput {
  readonly name: string;

  constructor(private readonly file: string, baseDir: string) {
    const relative = path.relative(baseDir, file);
    this.name = relative.startsWith('..') ? file : relative;
  }

  async open(signal: AbortSignal): Promise<Readable> {
    signal.throwIfAborted();
    return fs.createReadStream(this.file, {
      signal,
      highWaterMark: CHUNK_BYTES,
    });
  }
}
