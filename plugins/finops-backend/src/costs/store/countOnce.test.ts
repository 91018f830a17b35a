import { CostRecord, formatMicros } from '@tollgate/plugin-finops-common';
import { CostPrecedence, DEFAULT_PRECEDENCE } from './CostPrecedence';
import { StoredItem } from './CostStore';
import { describeOnEachDatabase } from './__testUtils__/costStoreTesting';

jest.setTimeout(60_000);

const SUMMARIZER = 'component:default/summarizer';
const OTHER = 'component:default/other';
const D1 = '2026-11-01';
const D2 = '2026-11-02';
const window = { from: D1, to: D2 };
const sources = [
  { id: 'focus:invoice', authority: 'invoice' as const },
  { id: 'openai:org', authority: 'vendor-api' as const },
];

function spend(
  day: string,
  usd: number,
  entityRef = SUMMARIZER,
  provider = 'openai',
): StoredItem {
  const record: CostRecord = {
    day,
    entityRef,
    provider,
    service: 'OpenAI API',
    model: 'gpt-4o',
    dimensionKind: 'tokenType',
    dimension: 'input',
    billedCostMicros: BigInt(usd * 1_000_000),
    currency: 'USD',
  };
  return { type: 'cost', record };
}

async function* items(list: StoredItem[]) {
  yield* list;
}

describeOnEachDatabase(
  'spend counted once by precedence',
  createMigratedStore => {
    async function createStore(order = DEFAULT_PRECEDENCE) {
      const { store } = await createMigratedStore(
        new CostPrecedence(order, sources),
      );
      const total = async (day: string, entityRef = SUMMARIZER) =>
        formatMicros(
          await store.entityTotal({
            entityRefs: [entityRef],
            window: { from: day, to: day },
            currency: 'USD',
          }),
        );
      const bySource = async (day: string) =>
        (
          await store.entityBreakdown({
            entityRefs: [SUMMARIZER],
            window: { from: day, to: day },
            groupBy: 'source',
            currency: 'USD',
          })
        ).map(row => [row.key, formatMicros(row.costMicros)]);
      const exported = async () => {
        const rows = [];
        for await (const row of store.exportRows(window)) {
          rows.push([row.sourceId, row.day, row.entityRef]);
        }
        return rows.sort();
      };
      // metered 3 USD a day, the vendor's API 4 USD a day (and 2 USD of another
      // provider on D1, which the invoice does not cover), the invoice 5 USD on D1
      await store.replaceWindow(
        'metered',
        window,
        items([spend(D1, 3), spend(D2, 3)]),
      );
      await store.replaceWindow(
        'openai:org',
        window,
        items([
          spend(D1, 4),
          spend(D1, 2, SUMMARIZER, 'anthropic'),
          spend(D2, 4),
        ]),
      );
      await store.replaceWindow(
        'focus:invoice',
        window,
        items([spend(D1, 5), spend(D1, 1, OTHER)]),
      );
      return { store, total, bySource, exported };
    }

    it('counts the invoice over the vendor API over metered usage, by default', async () => {
      const { total, bySource, exported } = await createStore();
      expect(await total(D1)).toBe('7.00');
      expect(await bySource(D1)).toEqual([
        ['focus:invoice', '5.00'],
        ['openai:org', '2.00'],
      ]);
      expect(await total(D2)).toBe('4.00');
      expect(await bySource(D2)).toEqual([['openai:org', '4.00']]);
      expect(await total(D1, OTHER)).toBe('1.00');
      // the export holds what counts; the records of every source stay stored
      expect(await exported()).toEqual([
        ['focus:invoice', D1, OTHER],
        ['focus:invoice', D1, SUMMARIZER],
        ['openai:org', D1, SUMMARIZER],
        ['openai:org', D2, SUMMARIZER],
      ]);
    });

    it('counts the lower sources again where a replaced window no longer covers a day', async () => {
      const { store, total, bySource } = await createStore();
      await store.replaceWindow(
        'focus:invoice',
        window,
        items([spend(D1, 1, OTHER)]),
      );
      // both of the vendor's providers count, once each
      expect(await bySource(D1)).toEqual([['openai:org', '6.00']]);
      await store.replaceWindow('openai:org', window, items([spend(D2, 4)]));
      expect(await bySource(D1)).toEqual([['metered', '3.00']]);
      expect(await total(D2)).toBe('4.00');
    });

    it('counts unallocated spend of a provider and day once, as the highest-ranked source has it', async () => {
      const { store, exported } = await createStore();
      const unallocated = (day: string, usd: number, provider = 'openai') => {
        const item = spend(day, usd, SUMMARIZER, provider);
        if (item.type === 'cost') delete item.record.entityRef;
        return item;
      };
      const unallocatedTotal = async (day: string) =>
        formatMicros(
          await store.unallocatedTotal({ from: day, to: day }, 'USD'),
        );
      // the vendor's unclaimed project: 9 USD on D1 and D2, 1 USD of anthropic on D1;
      // the invoice's untagged rows: 8 USD of openai on D1
      await store.replaceWindow(
        'openai:org',
        window,
        items([
          spend(D1, 4),
          spend(D2, 4),
          unallocated(D1, 9),
          unallocated(D1, 1, 'anthropic'),
          unallocated(D2, 9),
        ]),
      );
      await store.replaceWindow(
        'focus:invoice',
        window,
        items([spend(D1, 5), unallocated(D1, 8)]),
      );
      expect(await unallocatedTotal(D1)).toBe('9.00');
      expect(await unallocatedTotal(D2)).toBe('9.00');
      expect(
        (await exported()).filter(([, , entityRef]) => entityRef === undefined),
      ).toEqual([
        ['focus:invoice', D1, undefined],
        ['openai:org', D1, undefined],
        ['openai:org', D2, undefined],
      ]);
      // the invoice no longer has untagged openai spend on D1: the vendor's counts again
      await store.replaceWindow('focus:invoice', window, items([spend(D1, 5)]));
      expect(await unallocatedTotal(D1)).toBe('10.00');
    });

    it('follows a configured precedence', async () => {
      const { total, bySource } = await createStore([
        'vendor-api',
        'invoice',
        'telemetry',
        'metered',
      ]);
      expect(await bySource(D1)).toEqual([['openai:org', '6.00']]);
      expect(await total(D2)).toBe('4.00');
    });
  },
);

describe('CostPrecedence.fromConfig', () => {
  it('refuses an order that does not list each kind once, naming the key', () => {
    const { ConfigReader } = jest.requireActual('@backstage/config');
    const config = (precedence: unknown) =>
      new ConfigReader({ tollgate: { metering: { precedence } } });
    expect(() =>
      CostPrecedence.fromConfig(config(['invoice', 'metered']), []),
    ).toThrow(
      'tollgate.metering.precedence must list each of invoice, vendor-api, telemetry, metered once, highest first; it lists ["invoice","metered"]',
    );
    expect(() =>
      CostPrecedence.fromConfig(
        config(['invoice', 'vendor-api', 'telemetry', 'metered', 'invoice']),
        [],
      ),
    ).toThrow('must list each of');
    const precedence = CostPrecedence.fromConfig(config(undefined), [
      { id: 'prometheus:main', authority: 'telemetry' } as any,
    ]);
    expect(precedence.above('metered', ['prometheus:main', 'gone'])).toEqual([
      'prometheus:main',
      'gone',
    ]);
    expect(precedence.above('prometheus:main', ['metered', 'gone'])).toEqual([
      'gone',
    ]);
  });
});
