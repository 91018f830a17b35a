import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FocusCostSource } from './FocusCostSource';
import {
  fetchContext,
  collect,
  HEADER,
} from '../__testUtils__/focusSourceTesting';
import { totalsByDay } from '../__testUtils__/fixtureTotals';

describe('FocusCostSource', () => {
  describe('a large file', () => {
    const rowCount = 200_000;
    const days = ['2024-09-01', '2024-09-02', '2024-09-03', '2024-09-04'];
    let tmp: string;
    let file: string;
    const expected: Record<string, bigint> = {};

    beforeAll(() => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'focus-large-'));
      file = path.join(tmp, 'large.csv');
      const fd = fs.openSync(file, 'w');
      fs.writeSync(fd, `${HEADER},SkuPriceDetails\n`);
      let chunk = '';
      for (let i = 0; i < rowCount; i++) {
        const day = days[i % days.length];
        const whole = i % 97;
        const fraction = String((i * 7919) % 1_000_000).padStart(6, '0');
        expected[day] =
          (expected[day] ?? 0n) + BigInt(whole) * 1_000_000n + BigInt(fraction);
        chunk += `${whole}.${fraction},,USD,${day}T00:00:00Z,,OpenAI,API,d,"{""team"": ""t${
          i % 13
        }""}","{""ModelId"": ""gpt-4o"", ""TokenDirection"": ""Output""}"\n`;
        if (i % 10_000 === 9_999) {
          fs.writeSync(fd, chunk);
          chunk = '';
        }
      }
      fs.writeSync(fd, chunk);
      fs.closeSync(fd);
    });
    afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
    afterEach(() => jest.restoreAllMocks());

    it('streams: the first record arrives after reading a small part of the file', async () => {
      const openFile = fs.promises.open;
      let bytesRead = 0;
      const open = jest
        .spyOn(fs.promises, 'open')
        .mockImplementation(async (...args) => {
          const handle = await openFile(...args);
          const read = handle.read.bind(handle) as typeof handle.read;
          handle.read = (async (...readArgs: Parameters<typeof read>) => {
            const result = await read(...readArgs);
            bytesRead += result.bytesRead;
            return result;
          }) as typeof handle.read;
          return handle;
        });
      const size = fs.statSync(file).size;
      const totals: Record<string, bigint> = {};
      let count = 0;
      let readAtFirstRecord = -1;
      for await (const item of FocusCostSource.create({
        id: 'large',
        paths: [file],
      }).fetch({ from: '2024-09-01', to: '2024-09-04' }, fetchContext())) {
        if (item.type !== 'cost') {
          continue;
        }
        if (count === 0) {
          readAtFirstRecord = bytesRead;
        }
        count += 1;
        const { day, billedCostMicros } = item.record;
        totals[day] = (totals[day] ?? 0n) + billedCostMicros;
      }
      expect(open).toHaveBeenCalledTimes(1);
      expect(readAtFirstRecord).toBeGreaterThan(0);
      // A few chunks are read ahead of the records, not the file.
      expect(readAtFirstRecord).toBeLessThan(size / 8);
      expect(count).toBe(rowCount);
      expect(totals).toEqual(expected);
    }, 120_000);

    it('yields only the window of a large file', async () => {
      const records = await collect(
        { id: 'large', paths: [file] },
        { from: '2024-09-02', to: '2024-09-02' },
      );
      expect(records).toHaveLength(rowCount / days.length);
      expect(totalsByDay(records)).toEqual({
        '2024-09-02': expected['2024-09-02'],
      });
      expect(records[0]).toMatchObject({
        model: 'gpt-4o',
        dimensionKind: 'tokenType',
        dimension: 'output',
        tags: { team: 't1' },
      });
    }, 120_000);
  });
});
