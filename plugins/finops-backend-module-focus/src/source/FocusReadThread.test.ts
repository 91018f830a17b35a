import { FocusBytes } from './FocusBytes';
import { FocusInput } from './FocusInput';
import { FocusReadThread } from './FocusReadThread';

jest.setTimeout(60_000);

const HEADER =
  'BilledCost,BillingCurrency,ChargePeriodStart,ServiceName,ServiceProviderName';
const ROWS = Array.from(
  { length: 2000 },
  (_, i) => `0.${String(i).padStart(6, '0')},USD,2024-09-01,API,OpenAI`,
).join('\n');

/** An export whose first reads answer rows and whose next read fails after a while. */
function failingInput(goodReads: number): FocusInput {
  const text = Buffer.from(`${HEADER}\n${ROWS}\n`);
  const part = Math.ceil(text.length / goodReads);
  return {
    name: 'failing.csv',
    async open(): Promise<FocusBytes> {
      let read = 0;
      return {
        async readInto(buffer) {
          if (read >= goodReads) {
            await new Promise(resolve => setTimeout(resolve, 50));
            throw new Error('connection reset by peer');
          }
          const chunk = text.subarray(read * part, (read + 1) * part);
          read += 1;
          buffer.set(chunk);
          return chunk.length;
        },
        close: async () => {},
      };
    },
  };
}

describe('FocusReadThread', () => {
  it('fails with the error of a read that fails after records came, and can serve again', async () => {
    const thread = await FocusReadThread.start({
      window: { from: '2024-09-01', to: '2024-09-30' },
      keys: {},
      refs: [],
      reject: true,
    });
    let records = 0;
    try {
      const reading = thread.read(
        failingInput(3),
        new AbortController().signal,
      );
      await expect(
        (async () => {
          for (;;) {
            const next = await reading.next();
            if (next.done) {
              return;
            }
            records += next.value.length;
          }
        })(),
      ).rejects.toThrow('connection reset by peer');
    } finally {
      await thread.close();
    }
    expect(records).toBeGreaterThan(0);
    const next = await FocusReadThread.start({
      window: { from: '2024-09-01', to: '2024-09-30' },
      keys: {},
      refs: [],
      reject: true,
    });
    await next.close();
  });
});
