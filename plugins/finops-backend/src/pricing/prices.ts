/** Prices of one model from a day on. Unit prices in units of 10^-12 per token. */
export interface ModelPrice {
  provider: string;
  model: string;
  currency: string;
  effectiveFrom: string;
  input?: bigint;
  output?: bigint;
  cacheRead?: bigint;
  cacheWrite?: bigint;
  request?: bigint;
}

/** The per-call price of one API operation from a day on. */
export interface OperationPrice {
  apiRef: string;
  operation: string;
  currency: string;
  effectiveFrom: string;
  unitPrice: bigint;
}

/** Usage that no price matched. */
export interface UnpricedUsage {
  kind: 'model' | 'operation';
  provider?: string;
  name: string;
  firstSeenDay: string;
  lastSeenDay: string;
  occurrences: number;
}

/** The day from which a price without an effective day applies. */
export const EPOCH = '1970-01-01';
