import {
  DayWindow,
  ReconciliationResponse,
  TOKEN_TYPES,
  TokenType,
  providerSlug,
} from '@tollgate/plugin-finops-common';
import { CostSource } from '@tollgate/plugin-finops-node';
import { countMeteredOnce } from './countMeteredOnce';
import { combineFigures } from './figureSums';
import { figuresJson } from './figuresJson';
import { FigureTable, ModelPriceLookup, TableLine } from './FigureTable';
import { priceSuggestions } from './priceSuggestions';
import { reconciliationSources } from './ReconciliationSources';
import { ReconciliationStore, TokenRecordGroup } from './ReconciliationStore';

export interface ReconciliationQuery {
  window: DayWindow;
  /** Only this provider, compared by providerSlug. */
  provider?: string;
}

/**
 * Sets side by side, per provider, model, token type and day, what each kind of source
 * says of model tokens: metered (telemetry and usage metered as reported, priced by the
 * price book), vendor usage (priced by the price book), the vendor's cost API and the
 * invoice (BilledCost); measures the drift of each against the invoice, or the figure
 * of the highest authority present; and names the prices of the price book that differ
 * from what was billed.
 */
export class ReconciliationService {
  constructor(
    private readonly options: {
      store: ReconciliationStore;
      /** The configured sources, read when asked: modules add them at startup. */
      sources: () => ReadonlyArray<Pick<CostSource, 'id' | 'authority'>>;
      /** Ranks sources as spend counts once, among metered figures' sources. */
      rank: (sourceId: string) => number;
      prices: ModelPriceLookup;
      currency: string;
      driftAlertPercent: number;
    },
  ) {}

  get driftAlertPercent(): number {
    return this.options.driftAlertPercent;
  }

  /** The figures of each provider, model and token type in a window, by day. */
  async lines(query: ReconciliationQuery): Promise<TableLine[]> {
    const { store, currency, prices, rank } = this.options;
    const wanted = query.provider && providerSlug(query.provider);
    const table = new FigureTable(prices, currency);
    const metered: TokenRecordGroup[] = [];
    for (const source of reconciliationSources(this.options.sources())) {
      const byEntity =
        source.authority === 'telemetry' || source.authority === 'metered';
      const groups = (
        await store.tokenRecords({
          sourceId: source.id,
          window: query.window,
          currency,
          byEntity,
        })
      ).filter(
        group =>
          TOKEN_TYPES.includes(group.tokenType as TokenType) &&
          (!wanted || providerSlug(group.provider) === wanted),
      );
      if (byEntity) {
        metered.push(...groups);
      } else {
        const add =
          source.authority === 'invoice'
            ? (group: TokenRecordGroup) => table.addInvoice(group)
            : (group: TokenRecordGroup) => table.addVendor(group);
        groups.forEach(add);
      }
    }
    countMeteredOnce(metered, rank).forEach(group => table.addMetered(group));
    return table.sortedLines();
  }

  /** The answer of `GET /v1/reconciliation`. */
  async reconcile(query: ReconciliationQuery): Promise<ReconciliationResponse> {
    const { currency, prices, driftAlertPercent } = this.options;
    const lines = await this.lines(query);
    return {
      from: query.window.from,
      to: query.window.to,
      currency,
      ...(query.provider ? { provider: providerSlug(query.provider) } : {}),
      costBasis: 'billed',
      driftAlertPercent,
      sources: reconciliationSources(this.options.sources()),
      lines: lines.map(line => {
        const days = [...line.days];
        return {
          provider: line.provider,
          model: line.model,
          tokenType: line.tokenType,
          ...figuresJson(combineFigures(days.map(([, set]) => set))),
          days: days.map(([day, set]) => ({
            day,
            ...figuresJson(combineFigures([set])),
          })),
        };
      }),
      priceSuggestions: priceSuggestions(lines, prices, currency),
    };
  }
}
