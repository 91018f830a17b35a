import {
  ScorecardCheckResult,
  ScorecardCheckStatus,
  ScorecardPillar,
  ScorecardThresholds,
} from '@tollgate/plugin-finops-common';

export const PILLAR_LABELS: Record<ScorecardPillar, string> = {
  cost: 'Cost',
  risk: 'Risk',
  velocity: 'Velocity',
};

export const STATUS_LABELS: Record<ScorecardCheckStatus, string> = {
  pass: 'pass',
  warn: 'warning',
  fail: 'failing',
  notApplicable: 'not applicable',
};

function number(value: number) {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 }).format(
    value,
  );
}

/** A check's value, or "no data" when it is missing. */
export function formatValue(value: ScorecardCheckResult['value']): string {
  if (value === undefined) {
    return 'no data';
  }
  if (typeof value === 'boolean') {
    return value ? 'yes' : 'no';
  }
  return number(value);
}

/** The thresholds of a check, such as "pass ≤ 1, warn ≤ 2, fail ≥ 5". */
export function formatThresholds(thresholds: ScorecardThresholds): string {
  if (thresholds.type === 'boolean') {
    return `expected ${thresholds.expected ? 'yes' : 'no'}`;
  }
  const [better, worse] =
    thresholds.direction === 'higher-better' ? ['≥', '≤'] : ['≤', '≥'];
  return `pass ${better} ${number(thresholds.pass)}, warn ${better} ${number(
    thresholds.warn,
  )}, fail ${worse} ${number(thresholds.fail)}`;
}
