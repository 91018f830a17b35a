import { Entity } from '@backstage/catalog-model';
import {
  DayWindow,
  UnallocatedSpendResponse,
  UnallocatedVendorSpend,
  formatMicros,
} from '@tollgate/plugin-finops-common';
import { CostStore } from '../costs/store/CostStore';
import { UNKNOWN_ENTITY_TAG } from '../costs/store/unknownEntityRecords';
import {
  VENDOR_ID_TAGS,
  VendorClaims,
  VendorIdOfRecord,
} from '../sources/VendorClaims';
import { unknownEntityHint, vendorIdHint } from './claimHints';

/** Spend in micro-units of one named thing, with what names it. */
interface Sum<T> {
  of: T;
  costMicros: bigint;
  /** Spend of it that a higher-ranked source's unallocated spend counts instead. */
  coveredMicros: bigint;
}

/** The most spend first, then by name. */
function byCost<T>(name: (of: T) => string) {
  return (a: Sum<T>, b: Sum<T>) => {
    const spendOf = (sum: Sum<T>) => sum.costMicros + sum.coveredMicros;
    if (spendOf(a) !== spendOf(b)) {
      return spendOf(a) > spendOf(b) ? -1 : 1;
    }
    return name(a.of).localeCompare(name(b.of));
  };
}

/**
 * Names the spend that maps to no catalog entity by what would attribute it: the
 * vendor id (project, workspace, team or API key) that no single entity claims, with
 * the annotation to claim it, or the entity ref a source wrote that the catalog does
 * not have. Money is the effective cost, as in the summary. A vendor id's spend that a
 * higher-ranked source's unallocated spend of the same provider and day counts instead
 * (an invoice's untagged rows hold the same money) is named as covered, outside the
 * total.
 */
export class UnallocatedSpendService {
  constructor(
    private readonly options: {
      costStore: CostStore;
      /** The entities spend can be attributed to, as ingestion reads them. */
      loadEntities: () => Promise<Entity[]>;
      currency: string;
    },
  ) {}

  async unallocated(window: DayWindow): Promise<UnallocatedSpendResponse> {
    const { costStore, currency } = this.options;
    const [total, spend, entities] = await Promise.all([
      costStore.unallocatedTotal(window, currency),
      costStore.unallocatedSpendByTags({
        window,
        currency,
        tagKeys: [UNKNOWN_ENTITY_TAG, ...VENDOR_ID_TAGS],
      }),
      this.options.loadEntities(),
    ]);
    const claims = VendorClaims.fromEntities(entities);
    const vendorIds = new Map<string, Sum<VendorIdOfRecord>>();
    const unknown = new Map<string, Sum<string>>();
    for (const { tags, costMicros, coveredMicros } of spend) {
      const named = tags[UNKNOWN_ENTITY_TAG];
      if (named !== undefined) {
        const sum = unknown.get(named) ?? {
          of: named,
          costMicros: 0n,
          coveredMicros: 0n,
        };
        sum.costMicros += costMicros;
        unknown.set(named, sum);
        continue;
      }
      const vendorId = claims.name(tags);
      if (!vendorId) {
        continue;
      }
      const key = JSON.stringify([vendorId.tag, vendorId.id]);
      const sum = vendorIds.get(key);
      vendorIds.set(key, {
        of: sum
          ? {
              ...vendorId,
              claimedBy: [
                ...new Set([...sum.of.claimedBy, ...vendorId.claimedBy]),
              ],
            }
          : vendorId,
        costMicros: (sum?.costMicros ?? 0n) + costMicros,
        coveredMicros: (sum?.coveredMicros ?? 0n) + coveredMicros,
      });
    }
    const listed = [...vendorIds.values(), ...unknown.values()].reduce(
      (all, sum) => all + sum.costMicros,
      0n,
    );
    return {
      from: window.from,
      to: window.to,
      currency,
      costBasis: 'effective',
      total: formatMicros(total),
      vendorIds: [...vendorIds.values()]
        .filter(sum => sum.costMicros !== 0n || sum.coveredMicros !== 0n)
        .sort(byCost(of => `${of.tag} ${of.id}`))
        .map(sum => vendorSpend(sum)),
      unknownEntities: [...unknown.values()]
        .filter(sum => sum.costMicros !== 0n)
        .sort(byCost(of => of))
        .map(sum => ({
          entityRef: sum.of,
          cost: formatMicros(sum.costMicros),
          howToClaim: unknownEntityHint(sum.of),
        })),
      other: formatMicros(total - listed),
    };
  }
}

function vendorSpend({
  of,
  costMicros,
  coveredMicros,
}: Sum<VendorIdOfRecord>): UnallocatedVendorSpend {
  return {
    vendor: of.tag.split('.')[0],
    tag: of.tag,
    id: of.id,
    annotation: of.annotation,
    cost: formatMicros(costMicros),
    ...(coveredMicros !== 0n
      ? { coveredCost: formatMicros(coveredMicros) }
      : {}),
    claimedBy: [...of.claimedBy],
    howToClaim: vendorIdHint(of),
  };
}
