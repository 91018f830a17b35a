import {
  COST_OUTSIDE_KEYS,
  CostGroupBy,
  NO_AGENT_KEY,
  NO_MODEL_KEY,
  NO_SESSION_KEY,
} from '@tollgate/plugin-finops-common';

/** The columns of a rollup row that cost groupings read. */
export interface CostLineColumns {
  sourceId: string;
  provider: string;
  model?: string;
  dimensionKind: string;
  dimension: string;
  /** The agent its records' tags name. */
  agent?: string;
  /** The session (conversation) its records' tags name. */
  session?: string;
}

/**
 * How a grouping keys a row: by its value of the dimension where it has one, else by
 * what its spend is. Model tokens without a value are the grouping's own unnamed line
 * where the dimension is one that tokens have (a model, an agent, a session).
 */
interface Grouping {
  /** SQL: the row has a value of the dimension. */
  has: string;
  /** SQL: that value. */
  value: string;
  /** The value of a row read into memory; undefined where it has none. */
  valueOf(line: CostLineColumns): string | undefined;
  /** The key of model tokens that have no value. */
  tokensKey: string;
}

const { kubernetes, apiCalls, modelTokens, otherServices } = COST_OUTSIDE_KEYS;

const ofKind = (kind: string, column: string): Grouping => ({
  has: `dimension_kind = '${kind}'`,
  value: column,
  valueOf: line => (line.dimensionKind === kind ? line.dimension : undefined),
  tokensKey: modelTokens,
});

/** Groupings whose rows may have no value of their dimension. */
const PARTIAL: Record<Exclude<CostGroupBy, 'source' | 'provider'>, Grouping> = {
  // A model's spend is its tokens: a FOCUS row of an API operation or a cloud SKU
  // keeps its SkuId in `model`, which names no model.
  model: {
    has: `dimension_kind = 'tokenType' AND model IS NOT NULL`,
    value: 'model',
    valueOf: line =>
      line.dimensionKind === 'tokenType' ? line.model : undefined,
    tokensKey: NO_MODEL_KEY,
  },
  tokenType: ofKind('tokenType', 'dimension'),
  operation: ofKind('operation', 'dimension'),
  resource: ofKind('resource', 'dimension'),
  agent: {
    has: 'agent IS NOT NULL',
    value: 'agent',
    valueOf: line => line.agent,
    tokensKey: NO_AGENT_KEY,
  },
  session: {
    has: 'session IS NOT NULL',
    value: 'session',
    valueOf: line => line.session,
    tokensKey: NO_SESSION_KEY,
  },
};

/** The key of spend outside a dimension, by what the row's dimension kind says it is. */
function outsideKey(dimensionKind: string, tokensKey: string): string {
  switch (dimensionKind) {
    case 'tokenType':
      return tokensKey;
    case 'resource':
      return kubernetes;
    case 'operation':
      return apiCalls;
    default:
      return otherServices;
  }
}

function outsideSql(tokensKey: string): string {
  return `CASE dimension_kind WHEN 'tokenType' THEN '${tokensKey}' WHEN 'resource' THEN '${kubernetes}' WHEN 'operation' THEN '${apiCalls}' ELSE '${otherServices}' END`;
}

function groupSql(grouping: Grouping): string {
  return `CASE WHEN ${grouping.has} THEN ${grouping.value} ELSE ${outsideSql(
    grouping.tokensKey,
  )} END`;
}

/** The key each grouping gives a rollup row, as a SQL expression over its columns. */
export const COST_GROUP_SQL: Record<CostGroupBy, string> = {
  source: 'source_id',
  provider: 'provider',
  model: groupSql(PARTIAL.model),
  tokenType: groupSql(PARTIAL.tokenType),
  operation: groupSql(PARTIAL.operation),
  resource: groupSql(PARTIAL.resource),
  agent: groupSql(PARTIAL.agent),
  session: groupSql(PARTIAL.session),
};

/** The key each grouping gives a row read into memory: the same as COST_GROUP_SQL. */
export function costGroupKey(groupBy: CostGroupBy, line: CostLineColumns) {
  if (groupBy === 'source') return line.sourceId;
  if (groupBy === 'provider') return line.provider;
  const grouping = PARTIAL[groupBy];
  return (
    grouping.valueOf(line) ?? outsideKey(line.dimensionKind, grouping.tokensKey)
  );
}
