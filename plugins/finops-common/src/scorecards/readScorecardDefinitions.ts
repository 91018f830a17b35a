import { InputError } from '@backstage/errors';
import {
  SCORECARD_DIRECTIONS,
  SCORECARD_PILLARS,
  ScorecardCheck,
  ScorecardDefinition,
  ScorecardDirection,
  ScorecardFilter,
  ScorecardPillar,
  ScorecardThresholds,
} from './types';

const PATH = 'tollgate.scorecards';
const SCORECARD_FIELDS = ['id', 'title', 'filter', 'checks'];
const FILTER_FIELDS = ['kinds', 'types', 'tags', 'owners'] as const;
const CHECK_FIELDS = [
  'id',
  'pillar',
  'metric',
  'direction',
  'thresholds',
  'expect',
  'weight',
  'description',
  'howToFix',
];
const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown) {
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

/**
 * Reads and validates the scorecards under `tollgate.scorecards`, given as a plain
 * value (for example `config.getOptional('tollgate.scorecards')`); none when absent.
 * When `metricIds` is given, every check must name one of them.
 *
 * @throws InputError naming the scorecard, the check, the field and the bad value.
 * @public
 */
export function readScorecardDefinitions(
  value: unknown,
  metricIds?: readonly string[],
): ScorecardDefinition[] {
  if (value === undefined || value === null) {
    return [];
  }
  if (!Array.isArray(value)) {
    throw new InputError(
      `${PATH} has invalid value ${show(
        value,
      )}: expected a list of scorecards with an id, a title and checks`,
    );
  }
  const seen = new Set<string>();
  return value.map((item, index) => {
    const definition = readScorecard(item, index, metricIds);
    if (seen.has(definition.id)) {
      throw new InputError(
        `${PATH}[${index}] (scorecard ${definition.id}) field id: the id is used by another scorecard`,
      );
    }
    seen.add(definition.id);
    return definition;
  });
}

function readScorecard(
  value: unknown,
  index: number,
  metricIds?: readonly string[],
): ScorecardDefinition {
  const where = `${PATH}[${index}]`;
  if (!isRecord(value)) {
    throw new InputError(
      `${where} has invalid value ${show(
        value,
      )}: expected a scorecard with an id, a title and checks`,
    );
  }
  const id = value.id;
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    throw new InputError(
      `${where} field id has invalid value ${show(
        id,
      )}: expected lower-case letters, digits and dashes, such as capability-health`,
    );
  }
  const fail = (field: string, bad: unknown, expected: string) =>
    new InputError(
      `${where} (scorecard ${id}) field ${field} has invalid value ${show(
        bad,
      )}: expected ${expected}`,
    );
  unknownFields(value, SCORECARD_FIELDS, field =>
    fail(field, value[field], `only ${SCORECARD_FIELDS.join(', ')}`),
  );
  const title = value.title ?? id;
  if (typeof title !== 'string' || title.trim() === '') {
    throw fail('title', title, 'a non-empty text');
  }
  const filter = readFilter(value.filter, fail);
  if (!Array.isArray(value.checks) || value.checks.length === 0) {
    throw fail('checks', value.checks, 'a non-empty list of checks');
  }
  const checkIds = new Set<string>();
  const checks = value.checks.map((check, checkIndex) => {
    const read = readCheck(
      check,
      `${where} (scorecard ${id}) checks[${checkIndex}]`,
      metricIds,
    );
    if (checkIds.has(read.id)) {
      throw new InputError(
        `${where} (scorecard ${id}) check ${read.id} field id: the id is used by another check of the scorecard`,
      );
    }
    checkIds.add(read.id);
    return read;
  });
  return { id, title: title.trim(), filter, checks };
}

function unknownFields(
  value: Record<string, unknown>,
  allowed: readonly string[],
  error: (field: string) => Error,
) {
  const unknown = Object.keys(value).find(key => !allowed.includes(key));
  if (unknown !== undefined) {
    throw error(unknown);
  }
}

function readFilter(
  value: unknown,
  fail: (field: string, bad: unknown, expected: string) => Error,
): ScorecardFilter {
  if (value === undefined || value === null) {
    return {};
  }
  if (!isRecord(value)) {
    throw fail('filter', value, 'a map of kinds, types, tags and owners');
  }
  unknownFields(value, FILTER_FIELDS, field =>
    fail(`filter.${field}`, value[field], `only ${FILTER_FIELDS.join(', ')}`),
  );
  const filter: ScorecardFilter = {};
  for (const key of FILTER_FIELDS) {
    const list = value[key];
    if (list === undefined) continue;
    if (
      !Array.isArray(list) ||
      list.length === 0 ||
      !list.every(item => typeof item === 'string' && item.trim() !== '')
    ) {
      throw fail(`filter.${key}`, list, 'a non-empty list of names');
    }
    filter[key] = list.map(item => item.trim());
  }
  return filter;
}

function readCheck(
  value: unknown,
  where: string,
  metricIds?: readonly string[],
): ScorecardCheck {
  if (!isRecord(value)) {
    throw new InputError(
      `${where} has invalid value ${show(
        value,
      )}: expected a check with an id, a pillar and a metric`,
    );
  }
  const id = value.id;
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    throw new InputError(
      `${where} field id has invalid value ${show(
        id,
      )}: expected lower-case letters, digits and dashes, such as error-rate`,
    );
  }
  const fail = (field: string, bad: unknown, expected: string) =>
    new InputError(
      `${where} (check ${id}) field ${field} has invalid value ${show(
        bad,
      )}: expected ${expected}`,
    );
  unknownFields(value, CHECK_FIELDS, field =>
    fail(field, value[field], `only ${CHECK_FIELDS.join(', ')}`),
  );
  const pillar = value.pillar;
  if (!SCORECARD_PILLARS.includes(pillar as ScorecardPillar)) {
    throw fail('pillar', pillar, `one of ${SCORECARD_PILLARS.join(', ')}`);
  }
  const metric = value.metric;
  if (typeof metric !== 'string' || metric.trim() === '') {
    throw fail('metric', metric, 'the id of a metric, such as error-rate');
  }
  if (metricIds && !metricIds.includes(metric)) {
    throw fail('metric', metric, `one of ${metricIds.join(', ')}`);
  }
  const weight = value.weight ?? 1;
  if (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0) {
    throw fail('weight', weight, 'a number greater than 0');
  }
  for (const field of ['description', 'howToFix']) {
    if (
      typeof value[field] !== 'string' ||
      (value[field] as string).trim() === ''
    ) {
      throw fail(field, value[field], 'a non-empty text');
    }
  }
  return {
    id,
    pillar: pillar as ScorecardPillar,
    metric,
    thresholds: readThresholds(value, fail),
    weight,
    description: (value.description as string).trim(),
    howToFix: (value.howToFix as string).trim(),
  };
}

function readThresholds(
  value: Record<string, unknown>,
  fail: (field: string, bad: unknown, expected: string) => Error,
): ScorecardThresholds {
  if (value.expect !== undefined) {
    if (typeof value.expect !== 'boolean') {
      throw fail('expect', value.expect, 'true or false');
    }
    if (value.thresholds !== undefined || value.direction !== undefined) {
      throw fail(
        'thresholds',
        value.thresholds ?? value.direction,
        'no thresholds or direction on a check that expects true or false',
      );
    }
    return { type: 'boolean', expected: value.expect };
  }
  const direction = value.direction;
  if (!SCORECARD_DIRECTIONS.includes(direction as ScorecardDirection)) {
    throw fail(
      'direction',
      direction,
      `one of ${SCORECARD_DIRECTIONS.join(
        ', ',
      )} (or expect: true|false for a yes/no check)`,
    );
  }
  const thresholds = value.thresholds;
  if (!isRecord(thresholds)) {
    throw fail(
      'thresholds',
      thresholds,
      'a map of pass, warn and fail numbers',
    );
  }
  const numbers: Record<'pass' | 'warn' | 'fail', number> = {
    pass: 0,
    warn: 0,
    fail: 0,
  };
  for (const key of ['pass', 'warn', 'fail'] as const) {
    const n = thresholds[key];
    if (typeof n !== 'number' || !Number.isFinite(n)) {
      throw fail(`thresholds.${key}`, n, 'a number');
    }
    numbers[key] = n;
  }
  const higher = direction === 'higher-better';
  const ordered = higher
    ? numbers.fail < numbers.warn && numbers.warn < numbers.pass
    : numbers.pass < numbers.warn && numbers.warn < numbers.fail;
  if (!ordered) {
    throw fail(
      'thresholds',
      thresholds,
      higher
        ? 'fail < warn < pass for a higher-better check'
        : 'pass < warn < fail for a lower-better check',
    );
  }
  return {
    type: 'number',
    direction: direction as ScorecardDirection,
    ...numbers,
  };
}
