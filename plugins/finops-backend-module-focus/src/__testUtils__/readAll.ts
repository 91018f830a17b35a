import { FocusBytes } from '../source/FocusBytes';

/** All the bytes of an export as text, read into a buffer of the given size at a time. */
export async function readAll(
  bytes: FocusBytes,
  bufferSize: number,
): Promise<string> {
  const buffer = new Uint8Array(bufferSize);
  const parts: Buffer[] = [];
  try {
    for (;;) {
      const length = await bytes.readInto(buffer);
      if (length === 0) {
        return Buffer.concat(parts).toString('utf8');
      }
      parts.push(Buffer.from(buffer.subarray(0, length)));
    }
  } finally {
    await bytes.close();
  }
}
