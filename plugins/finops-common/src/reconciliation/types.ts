import { TokenType } from '../types';

/**
 * The figures reconciliation sets side by side for one provider, model and token type:
 * `metered`, the tokens of telemetry sources and usage metered as reported, priced by
 * the price book; `vendorUsage`, the tokens of vendors' usage APIs priced by the price
 * book; `vendorCost`, the money of vendors' cost APIs; `invoice`, the BilledCost of
 * invoices (FOCUS exports).
 *
 * @public
 */
export type ReconciliationFigureName =
  | 'invoice'
  | 'vendorCost'
  | 'vendorUsage'
  | 'metered';

/** The figures from the highest authority to the lowest. @public */
export const RECONCILIATION_FIGURES: readonly ReconciliationFigureName[] = [
  'invoice',
  'vendorCost',
  'vendorUsage',
  'metered',
];

/** One figure: tokens and money as exact decimal text. @public */
export interface ReconciliationFigure {
  /** Tokens; absent where the records carry none (a vendor's cost API). */
  quantity?: string;
  /**
   * Money in the reporting currency: the billed cost, or the tokens priced by the price
   * book. Absent where the price book has no price for some of the tokens.
   */
  cost?: string;
  /** Tokens the price book has no price for; absent when every token is priced. */
  unpricedQuantity?: string;
}

/** How far a figure is from the reference figure. @public */
export interface ReconciliationDrift {
  /** The figure less the reference, exact decimal money. */
  amount: string;
  /** The amount in percent of the reference, to two decimals; null when the reference is 0. */
  percent: number | null;
}

/** The figures of one day, or of a period, with their drift. @public */
export interface ReconciliationFigures {
  /** The BilledCost and tokens of invoices. */
  invoice?: ReconciliationFigure;
  /** The money of vendors' cost APIs. */
  vendorCost?: ReconciliationFigure;
  /** The tokens of vendors' usage APIs, priced by the price book. */
  vendorUsage?: ReconciliationFigure;
  /** The tokens of telemetry and of usage metered as reported, priced by the price book. */
  metered?: ReconciliationFigure;
  /**
   * The figure drift is measured against: the invoice, else the figure of the highest
   * authority that has a cost. Absent when no figure has one.
   */
  reference?: ReconciliationFigureName;
  /**
   * Each other figure with a cost against the reference. Over a period, only the days
   * that both figures have count.
   */
  drift: Partial<Record<ReconciliationFigureName, ReconciliationDrift>>;
}

/** One day of a reconciliation line. @public */
export interface ReconciliationDay extends ReconciliationFigures {
  day: string;
}

/** One provider, model and token type over the period, and each of its days. @public */
export interface ReconciliationLine extends ReconciliationFigures {
  /** As {@link providerSlug} writes it. */
  provider: string;
  /** Lower case, without a provider prefix or a dated snapshot suffix. */
  model: string;
  tokenType: TokenType;
  /** The days with any figure, oldest first. */
  days: ReconciliationDay[];
}

/** A price per million tokens of the price book that differs from what was billed. @public */
export interface PriceDifference {
  tokenType: TokenType;
  /** Per million tokens on the last billed day; absent when the price book has none. */
  priceBookPerMillion?: string;
  /** Money billed per million tokens over the billed days. */
  billedPerMillion: string;
  /** Which figure billed it: the invoice, else the vendor's cost API. */
  billedBy: 'invoice' | 'vendorCost';
  /** Days with billed tokens and money, and the first and last of them. */
  days: number;
  from: string;
  to: string;
  /** In words, such as `gpt-4o cache reads: price book 1.25/M, billed 0.625/M over 14 days`. */
  message: string;
}

/**
 * A price book entry that would make the price book charge what was billed: an entry
 * of `tollgate.pricing.models`, with the differing prices replaced and the others as
 * the price book has them (an entry replaces every price of the model from its day on).
 *
 * @public
 */
export interface PriceSuggestion {
  /** The provider and model as the price book looks them up. */
  provider: string;
  model: string;
  differences: PriceDifference[];
  override: {
    provider: string;
    model: string;
    inputPerMillion?: string;
    outputPerMillion?: string;
    cacheReadPerMillion?: string;
    cacheWritePerMillion?: string;
    perRequest?: string;
    effectiveFrom: string;
  };
  /** The override as app-config.yaml takes it. */
  config: string;
}

/** A source whose records reconciliation reads, and the figures they feed. @public */
export interface ReconciliationSource {
  /** As `/v1/sources` names it; `metered` is usage metered as reported. */
  id: string;
  /** The source's authority (`invoice` when it declares none), or `metered`. */
  authority: 'invoice' | 'vendor-api' | 'telemetry' | 'metered';
  /** The figures its token records feed. */
  figures: ReconciliationFigureName[];
}

/** The answer of `GET /v1/reconciliation`. @public */
export interface ReconciliationResponse {
  from: string;
  to: string;
  currency: string;
  /** The provider asked for, as {@link providerSlug} writes it. */
  provider?: string;
  /** Invoices and vendors' costs are billed costs (FOCUS BilledCost). */
  costBasis: 'billed';
  /** Drift past this percent raises an alert. */
  driftAlertPercent: number;
  sources: ReconciliationSource[];
  /** By provider, model and token type. */
  lines: ReconciliationLine[];
  /** By provider and model. */
  priceSuggestions: PriceSuggestion[];
}
