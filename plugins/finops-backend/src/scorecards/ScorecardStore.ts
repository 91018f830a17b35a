import { ScorecardResult } from '@tollgate/plugin-finops-common';

/** A result with the labels the leaderboard groups by. */
export interface StoredScorecardResult {
  result: ScorecardResult;
  team?: string;
  costCenter?: string;
}

/** Keeps one scorecard result per entity, scorecard and UTC day. */
export interface ScorecardStore {
  /** Writes whole days of results: whatever was stored for those days is replaced. */
  save(results: StoredScorecardResult[], evaluatedAt: Date): Promise<void>;
  /** The latest day with results, if any. */
  latestDay(): Promise<string | undefined>;
  /** Results of an entity from a day on, oldest first. */
  entityHistory(entityRef: string, from: string): Promise<ScorecardResult[]>;
  /** Every result of one day. */
  day(day: string): Promise<StoredScorecardResult[]>;
}
