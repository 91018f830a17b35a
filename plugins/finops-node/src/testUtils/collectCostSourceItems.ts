import { LoggerService } from '@backstage/backend-plugin-api';
import { CostRecord, DayWindow } from '@tollgate/plugin-finops-common';
// the package's own entry point, as the test utilities' users import it
import type {
  CostSource,
  CostSourceFetchContext,
  CostSourceItem,
} from '@tollgate/plugin-finops-node';

const silentLogger: LoggerService = {
  error() {},
  warn() {},
  info() {},
  debug() {},
  child: () => silentLogger,
};

/**
 * A fetch context for tests: a silent logger, a signal never aborted, a catalog
 * without entities and a price book that prices nothing, each replaceable.
 *
 * @public
 */
export function mockCostSourceFetchContext(
  overrides: Partial<CostSourceFetchContext> = {},
): CostSourceFetchContext {
  return {
    signal: new AbortController().signal,
    logger: silentLogger,
    entities: async () => [],
    priceBook: {
      priceTokens: () => undefined,
      priceRequests: () => undefined,
      priceOperation: () => undefined,
    },
    ...overrides,
  };
}

/** What one fetch of a window yielded, and what it threw. @public */
export interface CollectedCostSourceItems {
  /** Everything yielded before the fetch ended or threw. */
  items: CostSourceItem[];
  /** The records of the cost items, in order. */
  records: CostRecord[];
  /** What the fetch threw; undefined when it ended. */
  error?: Error;
}

/**
 * Fetches one window of a source as the backend would, collecting what it yields and
 * catching what it throws, for tests to assert on both.
 *
 * @public
 */
export async function collectCostSourceItems(
  source: CostSource,
  window: DayWindow,
  context: CostSourceFetchContext = mockCostSourceFetchContext(),
): Promise<CollectedCostSourceItems> {
  const items: CostSourceItem[] = [];
  let error: Error | undefined;
  try {
    for await (const item of source.fetch(window, context)) {
      items.push(item);
    }
  } catch (e) {
    error = e as Error;
  }
  const records = items.flatMap(item =>
    item.type === 'cost' ? [item.record] : [],
  );
  return { items, records, error };
}
