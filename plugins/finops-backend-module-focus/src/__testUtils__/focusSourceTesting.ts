import { mockServices } from '@backstage/backend-test-utils';
import { CostRecord, DayWindow } from '@tollgate/plugin-finops-common';
import { CostSourceFetchContext } from '@tollgate/plugin-finops-node';
import path from 'node:path';
import {
  FocusCostSource,
  FocusCostSourceOptions,
} from '../source/FocusCostSource';

export const FIXTURES = path.resolve(__dirname, '../__fixtures__');
export const ALL_DAYS: DayWindow = { from: '2000-01-01', to: '2099-12-31' };

export function fetchContext(
  overrides: Partial<CostSourceFetchContext> = {},
): CostSourceFetchContext & {
  logger: ReturnType<typeof mockServices.logger.mock>;
} {
  return {
    signal: new AbortController().signal,
    logger: mockServices.logger.mock(),
    entities: async () => [],
    priceBook: {
      priceTokens: () => undefined,
      priceRequests: () => undefined,
      priceOperation: () => undefined,
    },
    ...overrides,
  } as CostSourceFetchContext & {
    logger: ReturnType<typeof mockServices.logger.mock>;
  };
}

export async function collect(
  options: FocusCostSourceOptions,
  window: DayWindow = ALL_DAYS,
  context = fetchContext(),
): Promise<CostRecord[]> {
  const records: CostRecord[] = [];
  for await (const item of FocusCostSource.create(options).fetch(
    window,
    context,
  )) {
    if (item.type !== 'cost') {
      throw new Error(`unexpected ${item.type} item`);
    }
    records.push(item.record);
  }
  return records;
}

export const HEADER =
  'BilledCost,ListCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ProviderName,ServiceName,ChargeDescription,Tags';
