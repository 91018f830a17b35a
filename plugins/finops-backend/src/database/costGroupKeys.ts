import {
  CostGroupBy,
  NO_AGENT_KEY,
  NO_SESSION_KEY,
} from '@tollgate/plugin-finops-common';

export const OTHER_KEY = '(other)';
const NO_MODEL_KEY = '(none)';

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

/** The key each grouping gives a rollup row, as a SQL expression over its columns. */
export const COST_GROUP_SQL: Record<CostGroupBy, string> = {
  source: 'source_id',
  model: `COALESCE(model, '${NO_MODEL_KEY}')`,
  provider: 'provider',
  tokenType: `CASE WHEN dimension_kind = 'tokenType' THEN dimension ELSE '${OTHER_KEY}' END`,
  operation: `CASE WHEN dimension_kind = 'operation' THEN dimension ELSE '${OTHER_KEY}' END`,
  resource: `CASE WHEN dimension_kind = 'resource' THEN dimension ELSE '${OTHER_KEY}' END`,
  agent: `COALESCE(agent, '${NO_AGENT_KEY}')`,
  session: `COALESCE(session, '${NO_SESSION_KEY}')`,
};

/** The key each grouping gives a row read into memory: the same as COST_GROUP_SQL. */
export function costGroupKey(groupBy: CostGroupBy, line: CostLineColumns) {
  switch (groupBy) {
    case 'source':
      return line.sourceId;
    case 'model':
      return line.model ?? NO_MODEL_KEY;
    case 'provider':
      return line.provider;
    case 'agent':
      return line.agent ?? NO_AGENT_KEY;
    case 'session':
      return line.session ?? NO_SESSION_KEY;
    default:
      return line.dimensionKind === groupBy ? line.dimension : OTHER_KEY;
  }
}
