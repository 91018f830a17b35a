import fs from 'node:fs';
import path from 'node:path';
import { FocusBytes } from './FocusBytes';
import { FocusInput } from './FocusInput';

/** A FOCUS export file on local disk. */
export class FocusFileInput implements FocusInput {
  readonly name: string;

  constructor(private readonly file: string, baseDir: string) {
    const relative = path.relative(baseDir, file);
    this.name = relative.startsWith('..') ? file : relative;
  }

  /** Reads the file straight into the buffers given, with no chunk allocated per read. */
  async open(signal: AbortSignal): Promise<FocusBytes> {
    signal.throwIfAborted();
    const handle = await fs.promises.open(this.file, 'r');
    return {
      async readInto(buffer) {
        signal.throwIfAborted();
        const { bytesRead } = await handle.read(
          buffer,
          0,
          buffer.byteLength,
          null,
        );
        return bytesRead;
      },
      close: () => handle.close(),
    };
  }
}
