import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { streamBytes } from './FocusBytes';
import { FocusFileInput } from './FocusFileInput';
import { readAll } from '../__testUtils__/readAll';

const TEXT = 'BilledCost,Tags\n1.5,"{""team"":""ünï""}"\n';

describe('streamBytes', () => {
  it('copies chunks of any size into the buffers given, bytes and text alike', async () => {
    const stream = Readable.from([
      Buffer.from(TEXT.slice(0, 7)),
      TEXT.slice(7, 30),
      Buffer.from(TEXT.slice(30)),
    ]);
    expect(await readAll(streamBytes(stream), 4)).toBe(TEXT);
  });

  it('splits a chunk larger than the buffer and answers 0 at the end', async () => {
    const bytes = streamBytes(Readable.from([Buffer.from('abcdef')]));
    const buffer = new Uint8Array(4);
    expect(await bytes.readInto(buffer)).toBe(4);
    expect(await bytes.readInto(buffer)).toBe(2);
    expect(Buffer.from(buffer.subarray(0, 2)).toString()).toBe('ef');
    expect(await bytes.readInto(buffer)).toBe(0);
    await bytes.close();
  });

  it("fails with the stream's error", async () => {
    const stream = new Readable({
      read() {
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(
      streamBytes(stream).readInto(new Uint8Array(8)),
    ).rejects.toThrow('connection reset');
  });
});

describe('FocusFileInput', () => {
  const dir = mkdtempSync(join(tmpdir(), 'focus-bytes-'));
  const file = join(dir, 'export.csv');
  writeFileSync(file, TEXT);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the file into buffers in memory shared with a thread', async () => {
    const input = new FocusFileInput(file, dir);
    expect(input.name).toBe('export.csv');
    const bytes = await input.open(new AbortController().signal);
    const shared = new Uint8Array(new SharedArrayBuffer(5));
    const parts: string[] = [];
    for (;;) {
      const length = await bytes.readInto(shared);
      if (length === 0) {
        break;
      }
      parts.push(Buffer.from(shared.subarray(0, length)).toString('latin1'));
    }
    await bytes.close();
    expect(Buffer.from(parts.join(''), 'latin1').toString('utf8')).toBe(TEXT);
  });

  it('stops reading once the signal aborts', async () => {
    const controller = new AbortController();
    const bytes = await new FocusFileInput(file, dir).open(controller.signal);
    controller.abort();
    await expect(bytes.readInto(new Uint8Array(8))).rejects.toMatchObject({
      name: 'AbortError',
    });
    await bytes.close();
  });

  it('fails to open a file that is not there, naming it', async () => {
    await expect(
      new FocusFileInput(join(dir, 'gone.csv'), dir).open(
        new AbortController().signal,
      ),
    ).rejects.toThrow(/ENOENT.*gone\.csv/);
  });
});
