import { CostBasis } from '../costBasis';

/**
 * Unallocated spend of one vendor id: an OpenAI project, Anthropic workspace, LiteLLM
 * team or API key that no single entity claims.
 *
 * @public
 */
export interface UnallocatedVendorSpend {
  /** Whose id it is: the prefix of its tag, such as `openai`. */
  vendor: string;
  /** The cost record tag holding the id, such as `openai.project_id`. */
  tag: string;
  id: string;
  /** The annotation an entity lists the id in to claim it. */
  annotation: string;
  /** Money in the reporting currency, as exact decimal text: what counts in the total. */
  cost: string;
  /**
   * Spend of the id that a higher-ranked source's unallocated spend of the same
   * provider and days counts instead (an invoice's untagged rows, which hold the same
   * money), outside the total; absent when none.
   */
  coveredCost?: string;
  /**
   * The entities that claim the id now: none when it is unclaimed, two or more when
   * their claims conflict (the spend stays unallocated until one is left), one when
   * the claim is new and the spend moves to it at the next attribution.
   */
  claimedBy: string[];
  /** What to change in the catalog so that the spend is attributed. */
  howToClaim: string;
}

/** Unallocated spend of records that named an entity the catalog does not have. @public */
export interface UnallocatedEntitySpend {
  /** The entity ref as the source wrote it. */
  entityRef: string;
  cost: string;
  howToClaim: string;
}

/**
 * The answer of the unallocated spend route: spend that maps to no catalog entity in a
 * period, named by what would attribute it. `total` is the summary's `unallocated`;
 * `vendorIds`, `unknownEntities` and `other` add up to it.
 *
 * @public
 */
export interface UnallocatedSpendResponse {
  from: string;
  to: string;
  currency: string;
  costBasis: CostBasis;
  total: string;
  /** By vendor id, the most spend first. */
  vendorIds: UnallocatedVendorSpend[];
  /** By the entity ref the records named, the most spend first. */
  unknownEntities: UnallocatedEntitySpend[];
  /** Spend of records that carry neither a vendor id nor an entity ref. */
  other: string;
}
