import { CostRecord } from '@tollgate/plugin-finops-common';

/**
 * A cost item as the tests' sources yield it: an entity's spend on gpt-4o output
 * tokens on one day.
 */
export function outputTokenSpend(
  day: string,
  entityRef: string,
  billedCostMicros: bigint,
): { type: 'cost'; record: CostRecord } {
  return {
    type: 'cost',
    record: {
      day,
      entityRef,
      provider: 'openai',
      service: 'OpenAI API',
      model: 'gpt-4o',
      dimensionKind: 'tokenType',
      dimension: 'output',
      billedCostMicros,
      currency: 'USD',
    },
  };
}
