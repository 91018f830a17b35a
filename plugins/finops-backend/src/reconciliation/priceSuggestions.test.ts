import { ModelPrice } from '../pricing/ConfigPriceBook';
import { FigureSet, FigureSum } from './figureSums';
import { TableLine, bookName } from './FigureTable';
import { priceSuggestions } from './priceSuggestions';

const tokens = (count: number) => BigInt(count) * 1_000_000n;
const sum = (cost: bigint, quantity?: bigint): FigureSum => ({
  ...(quantity === undefined ? {} : { quantity }),
  cost,
  unpriced: 0n,
  complete: quantity !== undefined,
});

/** Prices per million tokens in micro-units, which are units of 10^-12 per token. */
const BOOK: Record<string, Partial<ModelPrice>> = {
  'openai gpt-4o': { input: 2_500_000n, output: 10_000_000n },
  'openai gpt-4o-2024-11-20': { input: 2_000_000n, output: 10_000_000n },
};
const prices = {
  findModelPrice: (provider: string | undefined, model: string) => {
    const price = BOOK[`${provider} ${model}`];
    return price
      ? ({
          currency: 'USD',
          effectiveFrom: '1970-01-01',
          ...price,
        } as ModelPrice)
      : undefined;
  },
};

function line(
  days: Record<string, FigureSet>,
  priced: string[],
  overrides: Partial<TableLine> = {},
): TableLine {
  const names = (models: string[]) =>
    new Map(models.map(m => [m, bookName('openai', m)]));
  return {
    provider: 'openai',
    model: 'gpt-4o',
    tokenType: 'output',
    days: new Map(Object.entries(days)),
    pricedNames: names(priced),
    billedNames: names(['gpt-4o']),
    ...overrides,
  };
}

describe('priceSuggestions', () => {
  it("prices by the vendor's cost and usage APIs without an invoice", () => {
    const [suggestion] = priceSuggestions(
      [
        line(
          {
            '2026-08-10': {
              vendorUsage: sum(10_000_000n, tokens(1_000_000)),
              vendorCost: sum(12_000_000n),
            },
            '2026-08-11': { vendorCost: sum(99_000_000n) },
          },
          ['gpt-4o'],
        ),
      ],
      prices,
      'USD',
    );
    expect(suggestion.differences).toEqual([
      expect.objectContaining({
        billedBy: 'vendorCost',
        priceBookPerMillion: '10',
        billedPerMillion: '12',
        days: 1,
        message: 'gpt-4o output: price book 10/M, billed 12/M over 1 day',
      }),
    ]);
    expect(suggestion.override).toEqual({
      provider: 'openai',
      model: 'gpt-4o',
      inputPerMillion: '2.5',
      outputPerMillion: '12',
      effectiveFrom: '2026-08-10',
    });
  });

  it('names a price the price book lacks, by the invoice', () => {
    const [suggestion] = priceSuggestions(
      [
        line(
          { '2026-08-10': { invoice: sum(300_000n, tokens(1_000_000)) } },
          [],
          { tokenType: 'cache-write', model: 'gpt-4o' },
        ),
      ],
      prices,
      'USD',
    );
    expect(suggestion.differences[0].message).toBe(
      'gpt-4o cache writes: no price in the price book, billed 0.3/M over 1 day',
    );
    expect(suggestion.override.cacheWritePerMillion).toBe('0.3');
  });

  it('suggests nothing within rounding, or where names are priced differently', () => {
    const invoice = (cost: bigint) => ({
      '2026-08-10': { invoice: sum(cost, tokens(1_000_000)) },
    });
    expect(
      priceSuggestions(
        [
          line(invoice(10_050_000n), ['gpt-4o']),
          line(invoice(2_200_000n), ['gpt-4o', 'gpt-4o-2024-11-20'], {
            tokenType: 'input',
          }),
        ],
        prices,
        'USD',
      ),
    ).toEqual([]);
  });

  it('leaves out prices in another currency than the reporting one', () => {
    const [suggestion] = priceSuggestions(
      [
        line(
          { '2026-08-10': { invoice: sum(10_000_000n, tokens(1_000_000)) } },
          ['gpt-4o'],
        ),
      ],
      prices,
      'EUR',
    );
    expect(suggestion.differences[0].priceBookPerMillion).toBeUndefined();
  });
});
