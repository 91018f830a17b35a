import {
  ReconciliationFigureName,
  ReconciliationSource,
} from '@tollgate/plugin-finops-common';
import { CostSource } from '@tollgate/plugin-finops-node';
import { METERED_SOURCE_ID } from '../costs/store/meteredSource';

/** Which figures the records of each kind of source feed. */
const FIGURES: Record<
  ReconciliationSource['authority'],
  ReconciliationFigureName[]
> = {
  invoice: ['invoice'],
  'vendor-api': ['vendorUsage', 'vendorCost'],
  telemetry: ['metered'],
  metered: ['metered'],
};

/**
 * The sources whose records reconciliation reads: the configured sources, by their
 * authority (`invoice` when they say none, as for counting once), and usage metered
 * as reported. Records of a source no longer configured are left out: what they are
 * is no longer known.
 */
export function reconciliationSources(
  sources: ReadonlyArray<Pick<CostSource, 'id' | 'authority'>>,
): ReconciliationSource[] {
  const all = [
    ...sources.map(source => ({
      id: source.id,
      authority: source.authority ?? ('invoice' as const),
    })),
    { id: METERED_SOURCE_ID, authority: 'metered' as const },
  ];
  return all.map(source => ({
    ...source,
    figures: FIGURES[source.authority],
  }));
}
