import { DEMO_ENTITY_TAG, DemoFocusRow } from '../demoFocus';
import { parseDecimal } from './exactDecimal';

/** A token type as the vendors' reports tell them apart. */
export type DemoTokenType = 'input' | 'output' | 'cache-read' | 'cache-write';

/** One row of the demo's AI invoice: a day's tokens of one type, model and capability. */
export interface DemoInvoiceLine {
  /** The UTC day charged. */
  day: string;
  /** The name of the component the row's tag names, such as `rag-gateway`. */
  capability: string;
  provider: 'OpenAI' | 'Anthropic';
  model: string;
  tokenType: DemoTokenType;
  tokens: bigint;
  /** The money billed, in micro-dollars. */
  billedMicros: bigint;
}

const TOKEN_TYPES: Record<string, DemoTokenType> = {
  'Input/Uncached': 'input',
  'Output/Uncached': 'output',
  'Input/Read': 'cache-read',
  'Input/Write': 'cache-write',
};

const ENTITY_PREFIX = 'component:default/';

/** The line of one AI invoice row, read from its FOCUS columns. */
export function demoInvoiceLine(row: DemoFocusRow): DemoInvoiceLine {
  const details = JSON.parse(row.SkuPriceDetails);
  const tokenType =
    TOKEN_TYPES[`${details.TokenDirection}/${details.TokenCacheAction}`];
  const entity = String(JSON.parse(row.Tags)[DEMO_ENTITY_TAG] ?? '');
  const provider = row.ServiceProviderName;
  if (
    !tokenType ||
    !entity.startsWith(ENTITY_PREFIX) ||
    (provider !== 'OpenAI' && provider !== 'Anthropic')
  ) {
    throw new Error(`Not a demo AI invoice row: ${JSON.stringify(row)}`);
  }
  return {
    day: row.ChargePeriodStart.slice(0, 10),
    capability: entity.slice(ENTITY_PREFIX.length),
    provider,
    model: String(details.ModelId),
    tokenType,
    tokens: BigInt(row.ConsumedQuantity),
    billedMicros: parseDecimal(row.BilledCost, 6),
  };
}
