import { DayWindow } from '@tollgate/plugin-finops-common';

/** The token records of one source summed per provider, model, token type, day and unit. */
export interface TokenRecordGroup {
  sourceId: string;
  /** Only where read per entity; null is unallocated. */
  entityRef?: string | null;
  provider: string;
  model: string | null;
  tokenType: string;
  day: string;
  unit: string | null;
  /** Units of 10^-6 of the records that have a quantity; undefined when none has. */
  quantity?: bigint;
  /** Records without a quantity. */
  withoutQuantity: number;
  /** Micro-units: the billed cost (FOCUS BilledCost), which reconciliation counts. */
  billedMicros: bigint;
}

export interface TokenRecordQuery {
  sourceId: string;
  window: DayWindow;
  currency: string;
  /** Also per entity: metered figures count each entity's day once. */
  byEntity: boolean;
}

/**
 * Reads what each source said about model tokens: its token records, which stay stored
 * whichever source's spend counts.
 */
export interface ReconciliationStore {
  tokenRecords(query: TokenRecordQuery): Promise<TokenRecordGroup[]>;
}
