import {
  CostRecord,
  agentOfTags,
  sessionOfTags,
} from '@tollgate/plugin-finops-common';
import { CostSums, addCosts, storedEffectiveCost } from './effectiveCost';
import { Rollup } from './rollupRows';

/** The columns both rollups group by, first in each. */
const GROUP_COLUMNS = [
  'source_id',
  'day',
  'entity_ref',
  'cost_center',
  'team',
  'provider',
  'model',
] as const;

/** The columns of the daily rollup, in the order `take` writes them. */
export const DAILY_COLUMNS = [
  ...GROUP_COLUMNS,
  'dimension_kind',
  'dimension',
  'agent',
  'session',
  'unit',
  'currency',
  'quantity',
  'billed_cost',
  'record_count',
  'effective_cost',
] as const;

/** The columns of the summary rollup, in the order `take` writes them. */
export const SUMMARY_COLUMNS = [
  ...GROUP_COLUMNS,
  'currency',
  'billed_cost',
  'effective_cost',
] as const;

/** The sums of one daily group, and the first record of the group for its columns. */
interface Sum {
  record: CostRecord;
  agent?: string;
  session?: string;
  quantity?: bigint;
  costs: CostSums;
  records: number;
}

const SEPARATOR = '\u0000';
const ABSENT = '\u0001';

/** The map under `key`, created when there is none. */
function within(
  map: Map<unknown, unknown>,
  key: unknown,
): Map<unknown, unknown> {
  let next = map.get(key) as Map<unknown, unknown> | undefined;
  if (!next) {
    next = new Map();
    map.set(key, next);
  }
  return next;
}

interface AgentAndSession {
  agent?: string;
  session?: string;
}

const NO_AGENT_OR_SESSION: AgentAndSession = {};

/** The agent and session each tags object names, read once per object. */
const agentsAndSessions = new WeakMap<object, AgentAndSession>();

/** The agent and session a record's tags name; sources share a tags object over many records. */
function agentAndSessionOf(tags: CostRecord['tags']): AgentAndSession {
  if (!tags) {
    return NO_AGENT_OR_SESSION;
  }
  let found = agentsAndSessions.get(tags);
  if (!found) {
    found = { agent: agentOfTags(tags), session: sessionOfTags(tags) };
    agentsAndSessions.set(tags, found);
  }
  return found;
}

/** What tells summary groups apart; absent values apart from empty ones. */
function summaryKey(record: CostRecord): string {
  return `${record.day}${SEPARATOR}${record.entityRef ?? ABSENT}${SEPARATOR}${
    record.costCenter ?? ABSENT
  }${SEPARATOR}${record.team ?? ABSENT}${SEPARATOR}${
    record.provider
  }${SEPARATOR}${record.model ?? ABSENT}${SEPARATOR}${record.currency}`;
}

/**
 * Sums the cost records of one source into its two rollups while they are written,
 * instead of reading them back: the daily rollup (per day, entity, cost center, team,
 * provider, model, dimension, agent, session, unit and currency; the agent and session
 * those its tags name), which entity queries read, and the
 * summary rollup (the same without dimension, agent, session and unit), which organization-wide
 * queries read. A quantity sums like SQL's SUM: absent when no record has one; the
 * effective cost is NULL while every record's equals its billed cost.
 *
 * The sums are taken whenever there are many groups, so memory stays bounded whatever
 * the number of records; a group may then have several rows, which every query sums.
 */
export class CostRollups {
  /** The daily groups in the order first met. */
  private daily: Sum[] = [];
  /** The daily groups by their values (see groupOf), with no key text built per record. */
  private groups = new Map<unknown, unknown>();
  /** The last record's currency, provider, dimension kind and unit, and their groups. */
  private lastPrefix:
    | (Pick<CostRecord, 'currency' | 'provider' | 'dimensionKind' | 'unit'> & {
        groups: Map<unknown, unknown>;
      })
    | undefined;

  constructor(private readonly sourceId: string) {}

  add(record: CostRecord): void {
    const { agent, session } = agentAndSessionOf(record.tags);
    const groups = this.groupsOf(record, agent, session);
    const sum = groups.get(record.entityRef) as Sum | undefined;
    if (!sum) {
      const created: Sum = {
        record,
        agent,
        session,
        quantity: record.quantity,
        costs: {
          billed: record.billedCostMicros,
          effective: storedEffectiveCost(record),
        },
        records: 1,
      };
      groups.set(record.entityRef, created);
      this.daily.push(created);
      return;
    }
    addCosts(sum.costs, record.billedCostMicros, storedEffectiveCost(record));
    if (record.quantity !== undefined) {
      sum.quantity = (sum.quantity ?? 0n) + record.quantity;
    }
    sum.records += 1;
  }

  /**
   * The daily groups of the record's values but its entity ref, by entity ref: a map
   * per value, those with few distinct values first, so that there are few maps.
   * Absent values (undefined) are keys apart from empty ones.
   */
  private groupsOf(
    record: CostRecord,
    agent: string | undefined,
    session: string | undefined,
  ): Map<unknown, unknown> {
    let map = this.prefixOf(record);
    map = within(map, record.model);
    map = within(map, record.dimension);
    map = within(map, agent);
    map = within(map, session);
    map = within(map, record.costCenter);
    map = within(map, record.team);
    return within(map, record.day);
  }

  /**
   * The groups of the record's currency, provider, dimension kind and unit, which most
   * records share with the one before: those four looked up only when they change.
   */
  private prefixOf(record: CostRecord): Map<unknown, unknown> {
    const last = this.lastPrefix;
    if (
      last &&
      last.currency === record.currency &&
      last.provider === record.provider &&
      last.dimensionKind === record.dimensionKind &&
      last.unit === record.unit
    ) {
      return last.groups;
    }
    let map = this.groups;
    map = within(map, record.currency);
    map = within(map, record.provider);
    map = within(map, record.dimensionKind);
    map = within(map, record.unit);
    this.lastPrefix = {
      currency: record.currency,
      provider: record.provider,
      dimensionKind: record.dimensionKind,
      unit: record.unit,
      groups: map,
    };
    return map;
  }

  /** Groups held in memory. */
  get size(): number {
    return this.daily.length;
  }

  /**
   * The rows of both rollups summed so far, in DAILY_COLUMNS and SUMMARY_COLUMNS
   * order; forgets them. The summary rows are sums of the daily groups. The effective
   * cost comes last, undefined (stored as NULL) while it equals the billed cost.
   */
  take(): { daily: unknown[][]; summary: unknown[][] } {
    const taken = { daily: [] as unknown[][], summary: [] as unknown[][] };
    for (const { rollup, rows } of this.takeInSlices(Infinity)) {
      taken[rollup] = taken[rollup].concat(rows);
    }
    return taken;
  }

  /**
   * What `take` answers, a slice of at most `size` rows at a time: the daily rows, then
   * the summary rows. Each slice is made as it is asked for, so that a writer can let
   * other work run between slices; the rollups are forgotten as the first is asked for.
   */
  *takeInSlices(
    size: number,
  ): Generator<{ rollup: Rollup; rows: unknown[][] }> {
    const sums = this.daily;
    this.daily = [];
    this.groups = new Map();
    this.lastPrefix = undefined;
    const summary = new Map<string, { group: unknown[]; costs: CostSums }>();
    for (let start = 0; start < sums.length; start += size) {
      const rows: unknown[][] = [];
      for (const sum of sums.slice(start, start + size)) {
        const r = sum.record;
        const group = this.groupValues(r);
        rows.push([
          ...group,
          r.dimensionKind,
          r.dimension,
          sum.agent ?? null,
          sum.session ?? null,
          r.unit ?? null,
          r.currency,
          sum.quantity ?? null,
          sum.costs.billed,
          sum.records,
          sum.costs.effective,
        ]);
        const key = summaryKey(r);
        const row = summary.get(key);
        if (row) {
          addCosts(row.costs, sum.costs.billed, sum.costs.effective);
        } else {
          summary.set(key, {
            group: [...group, r.currency],
            costs: { ...sum.costs },
          });
        }
      }
      yield { rollup: 'daily', rows };
    }
    let rows: unknown[][] = [];
    for (const { group, costs } of summary.values()) {
      rows.push([...group, costs.billed, costs.effective]);
      if (rows.length >= size) {
        yield { rollup: 'summary', rows };
        rows = [];
      }
    }
    if (rows.length > 0) {
      yield { rollup: 'summary', rows };
    }
  }

  /** A record's values of GROUP_COLUMNS. */
  private groupValues(record: CostRecord): unknown[] {
    return [
      this.sourceId,
      record.day,
      record.entityRef ?? null,
      record.costCenter ?? null,
      record.team ?? null,
      record.provider,
      record.model ?? null,
    ];
  }
}
