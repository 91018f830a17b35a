import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { CostAuthority, CostSource } from '@tollgate/plugin-finops-node';
import { METERED_SOURCE_ID } from './meteredSource';

/** What the figures of a source are: its authority, or usage metered as reported. */
export type CostKind = CostAuthority | 'metered';

/** Highest first: an invoice over a vendor's API over telemetry over metered usage. */
export const DEFAULT_PRECEDENCE: CostKind[] = [
  'invoice',
  'vendor-api',
  'telemetry',
  'metered',
];

/**
 * Which source counts where sources overlap: of sources with spend of the same entity,
 * provider and day, the day counts the one whose kind ranks highest; the others' rollups
 * of that day are left out (their records stay, for reconciliation). Sources of one
 * kind do not supersede each other. A source the backend does not know (one removed
 * from the configuration, whose data is still stored) ranks as an invoice.
 */
export class CostPrecedence {
  private readonly ranks = new Map<string, number>();
  private readonly topRank: number;

  static fromConfig(config: Config, sources: CostSource[]): CostPrecedence {
    const key = 'tollgate.metering.precedence';
    const order = config.getOptionalStringArray(key) ?? DEFAULT_PRECEDENCE;
    const unknown = order.filter(
      kind => !DEFAULT_PRECEDENCE.includes(kind as CostKind),
    );
    const missing = DEFAULT_PRECEDENCE.filter(kind => !order.includes(kind));
    if (
      unknown.length ||
      missing.length ||
      new Set(order).size !== order.length
    ) {
      throw new InputError(
        `${key} must list each of ${DEFAULT_PRECEDENCE.join(
          ', ',
        )} once, highest first; it lists ${JSON.stringify(order)}`,
      );
    }
    return new CostPrecedence(order as CostKind[], sources);
  }

  /** Every source above metered usage, all of one rank: the default without config. */
  static meteredLowest(): CostPrecedence {
    return new CostPrecedence(DEFAULT_PRECEDENCE, []);
  }

  constructor(
    private readonly order: CostKind[],
    sources: Array<Pick<CostSource, 'id' | 'authority'>>,
  ) {
    this.topRank = order.length - order.indexOf('invoice');
    for (const source of sources) {
      this.ranks.set(source.id, this.rankOf(source.authority ?? 'invoice'));
    }
    this.ranks.set(METERED_SOURCE_ID, this.rankOf('metered'));
  }

  /** Higher ranks count over lower ones. */
  rank(sourceId: string): number {
    return this.ranks.get(sourceId) ?? this.topRank;
  }

  /** Of `sourceIds`, those whose spend counts over that of `sourceId`. */
  above(sourceId: string, sourceIds: Iterable<string>): string[] {
    const rank = this.rank(sourceId);
    return [...sourceIds].filter(id => this.rank(id) > rank);
  }

  /** Of `sourceIds`, those whose spend `sourceId`'s counts over. */
  below(sourceId: string, sourceIds: Iterable<string>): string[] {
    const rank = this.rank(sourceId);
    return [...sourceIds].filter(id => this.rank(id) < rank);
  }

  private rankOf(kind: CostKind): number {
    return this.order.length - this.order.indexOf(kind);
  }
}
