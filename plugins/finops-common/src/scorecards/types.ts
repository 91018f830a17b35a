/** The three pillars every scorecard check belongs to. @public */
export type ScorecardPillar = 'cost' | 'risk' | 'velocity';

/** @public */
export const SCORECARD_PILLARS: readonly ScorecardPillar[] = [
  'cost',
  'risk',
  'velocity',
];

/** Whether a larger or a smaller value is better. @public */
export type ScorecardDirection = 'higher-better' | 'lower-better';

/** @public */
export const SCORECARD_DIRECTIONS: readonly ScorecardDirection[] = [
  'higher-better',
  'lower-better',
];

/**
 * How a check's value is judged: numbers against pass, warn and fail thresholds in a
 * direction, booleans against the expected value.
 *
 * @public
 */
export type ScorecardThresholds =
  | {
      type: 'number';
      direction: ScorecardDirection;
      pass: number;
      warn: number;
      fail: number;
    }
  | { type: 'boolean'; expected: boolean };

/** One configured check of a scorecard. @public */
export interface ScorecardCheck {
  /** Unique within its scorecard. */
  id: string;
  pillar: ScorecardPillar;
  /** The id of the metric the check reads, such as `error-rate`. */
  metric: string;
  thresholds: ScorecardThresholds;
  /** Weight in its pillar's mean; positive. */
  weight: number;
  description: string;
  howToFix: string;
}

/** Which entities a scorecard applies to; a filter left out matches every entity. @public */
export interface ScorecardFilter {
  /** Entity kinds, compared without regard to case. */
  kinds?: string[];
  /** Values of `spec.type`, compared without regard to case. */
  types?: string[];
  /** Any of these `metadata.tags`. */
  tags?: string[];
  /** Owners, as entity refs or group names, compared without regard to case. */
  owners?: string[];
}

/** A scorecard as configured under `tollgate.scorecards`. @public */
export interface ScorecardDefinition {
  id: string;
  title: string;
  filter: ScorecardFilter;
  checks: ScorecardCheck[];
}

/** A check's status; `notApplicable` when its data is missing, never a pass. @public */
export type ScorecardCheckStatus = 'pass' | 'warn' | 'fail' | 'notApplicable';

/** A letter grade of a score. @public */
export type ScorecardGrade = 'A' | 'B' | 'C' | 'D' | 'F';

/** The value a metric computed: undefined when its data is missing. @public */
export type ScorecardValue = number | boolean | undefined;

/** One check evaluated for one entity. @public */
export interface ScorecardCheckResult {
  id: string;
  pillar: ScorecardPillar;
  metric: string;
  description: string;
  howToFix: string;
  weight: number;
  thresholds: ScorecardThresholds;
  /** Absent when the data is missing. */
  value?: number | boolean;
  status: ScorecardCheckStatus;
  /** 0–100; null when not applicable. */
  score: number | null;
}

/** A pillar's score: the weighted mean of its applicable checks. @public */
export interface ScorecardPillarResult {
  pillar: ScorecardPillar;
  /** 0–100, one decimal; null when no check of the pillar applies. */
  score: number | null;
  grade: ScorecardGrade | null;
  applicableChecks: number;
  notApplicableChecks: number;
}

/** One scorecard evaluated for one entity on one UTC day. @public */
export interface ScorecardResult {
  scorecardId: string;
  title: string;
  entityRef: string;
  day: string;
  /** Mean of the pillar scores that apply; null when none does. */
  score: number | null;
  grade: ScorecardGrade | null;
  pillars: ScorecardPillarResult[];
  checks: ScorecardCheckResult[];
}

/** One day of a scorecard's history. @public */
export interface ScorecardTrendPoint {
  day: string;
  score: number | null;
  pillars: Record<ScorecardPillar, number | null>;
}

/** The answer of `GET /v1/entities/{kind}/{namespace}/{name}/scorecard`. @public */
export interface EntityScorecardResponse {
  entityRef: string;
  /** One per scorecard that applies to the entity, with its 90-day trend. */
  scorecards: Array<ScorecardResult & { trend: ScorecardTrendPoint[] }>;
}

/** One row of the leaderboard. @public */
export interface ScorecardLeaderboardItem {
  /** The team or cost center; `(unlabelled)` for entities without one. */
  key: string;
  score: number | null;
  grade: ScorecardGrade | null;
  pillars: Record<ScorecardPillar, number | null>;
  /** How many entity scorecards the row averages. */
  entities: number;
}

/** The answer of `GET /v1/scorecards`. @public */
export interface ScorecardLeaderboardResponse {
  groupBy: 'team' | 'costCenter';
  day: string | null;
  items: ScorecardLeaderboardItem[];
}
