import {
  AgentSpend,
  DayWindow,
  EntityMeteringResponse,
  MeteredSpend,
  MeteringSummaryResponse,
  OpenReservation,
  SessionSpend,
  formatMicros,
  todayUtc,
} from '@tollgate/plugin-finops-common';
import { Knex } from 'knex';
import { CostedEntity } from '../entities/CostedEntity';
import { toBigInt } from '../database/toBigInt';
import { toIso } from '../database/toIso';
import { DatabaseDenialStore } from './DatabaseDenialStore';
import { BudgetTaken, rateTaken } from './reservationSums';
import { spendRateStatus } from './reservationVerdict';
import { ScopedRateLimit, tightestLimit } from './spendRateLimits';

const EVENTS = 'finops_usage_events';
const RESERVATIONS = 'finops_reservations';
/** Open reservations an entity's answer lists, newest first. */
const MAX_OPEN_LISTED = 50;
/** Agents and sessions the summary lists, most spent first. */
const MAX_TOP = 10;

/** What metered spend outside a model is, by what its event measured. */
const MEASURE_NAMES: Record<string, string> = {
  calls: 'API calls',
  cost: 'Reported cost',
};
const NO_AGENT = '(no agent)';

/**
 * Reads metering as it happens: an entity's metered spend today and open
 * reservations, and the period's guardrail denials and top agents and sessions.
 * Everything in the reporting currency.
 */
export class MeteringQueries {
  constructor(
    private readonly options: {
      db: Knex;
      denials: DatabaseDenialStore;
      currency: string;
      now?: () => Date;
    },
  ) {}

  /** What an entity metered today, holds reserved, and has left of its spend-rate limits. */
  async entityMetering(
    entity: CostedEntity,
    rateLimits: ScopedRateLimit[],
  ): Promise<EntityMeteringResponse> {
    const { db, currency } = this.options;
    const now = this.now();
    const day = todayUtc(now);
    const today = () =>
      db(EVENTS)
        .whereIn('entity_ref', entity.spendRefs)
        .where({ day, currency });
    const byModel = await today()
      .select('model', 'measure')
      .sum({ cost: 'cost' })
      .count({ events: '*' })
      .groupBy('model', 'measure');
    const byAgent = await today()
      .select('agent_id')
      .sum({ cost: 'cost' })
      .count({ events: '*' })
      .groupBy('agent_id');
    const open = () =>
      db(RESERVATIONS)
        .whereIn('entity_ref', entity.spendRefs)
        .where({ status: 'open', currency })
        .where('expires_at', '>', now.getTime());
    const [held] = await open().sum({ total: 'amount' }).count({ count: '*' });
    const listed = await open()
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(MAX_OPEN_LISTED);
    const models = spendRows(
      byModel,
      row => row.model ?? MEASURE_NAMES[row.measure] ?? 'Other usage',
    );
    return {
      entityRef: entity.entityRef,
      day,
      currency,
      asOf: now.toISOString(),
      today: {
        total: formatMicros(models.reduce((sum, m) => sum + m.micros, 0n)),
        events: models.reduce((sum, m) => sum + m.spend.events, 0),
        byModel: models.map(m => m.spend),
        byAgent: spendRows(byAgent, row => row.agent_id ?? NO_AGENT).map(
          a => a.spend,
        ),
      },
      reservations: {
        count: Number(held?.count ?? 0),
        total: formatMicros(toBigInt(held?.total)),
        open: listed.map(toOpenReservation),
      },
      ...(await this.spendRateLimit(rateLimits, now)),
    };
  }

  /** Of several limits, the one with the least left. */
  private async spendRateLimit(rateLimits: ScopedRateLimit[], now: Date) {
    const { db, currency } = this.options;
    const taken: BudgetTaken[] = [];
    for (const limit of rateLimits) {
      taken.push(await rateTaken(db, limit, currency, now));
    }
    const tightest = tightestLimit(rateLimits, taken);
    return tightest === undefined
      ? {}
      : {
          spendRateLimit: spendRateStatus(
            rateLimits[tightest],
            taken[tightest],
          ),
        };
  }

  async summary(window: DayWindow): Promise<MeteringSummaryResponse> {
    const { db, currency } = this.options;
    const inWindow = () =>
      db(EVENTS)
        .whereBetween('day', [window.from, window.to])
        .where('currency', currency);
    const agents: any[] = await inWindow()
      .whereNotNull('agent_id')
      .select('agent_id')
      .sum({ cost: 'cost' })
      .count({ events: '*' })
      .groupBy('agent_id')
      .orderBy('cost', 'desc')
      .orderBy('agent_id')
      .limit(MAX_TOP);
    const agentEntities: any[] = agents.length
      ? await inWindow()
          .whereIn(
            'agent_id',
            agents.map(a => a.agent_id),
          )
          .whereNotNull('entity_ref')
          .distinct('agent_id', 'entity_ref')
          .orderBy('entity_ref')
      : [];
    const sessions: any[] = await inWindow()
      .whereNotNull('session_id')
      .select('session_id')
      .min({ agent_id: 'agent_id', entity_ref: 'entity_ref' })
      .sum({ cost: 'cost' })
      .count({ events: '*' })
      .groupBy('session_id')
      .orderBy('cost', 'desc')
      .orderBy('session_id')
      .limit(MAX_TOP);
    const topAgents: AgentSpend[] = agents.map(row => ({
      agentId: row.agent_id,
      cost: formatMicros(toBigInt(row.cost)),
      events: Number(row.events),
      entityRefs: agentEntities
        .filter(e => e.agent_id === row.agent_id)
        .map(e => e.entity_ref),
    }));
    const topSessions: SessionSpend[] = sessions.map(row => ({
      sessionId: row.session_id,
      ...(row.agent_id ? { agentId: row.agent_id } : {}),
      ...(row.entity_ref ? { entityRef: row.entity_ref } : {}),
      cost: formatMicros(toBigInt(row.cost)),
      events: Number(row.events),
    }));
    return {
      ...window,
      currency,
      denials: await this.options.denials.summary(window),
      topAgents,
      topSessions,
    };
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

/** Grouped sums as spend rows by key, rows of one key merged, most spent first. */
function spendRows(
  rows: any[],
  keyOf: (row: any) => string,
): Array<{ micros: bigint; spend: MeteredSpend }> {
  const merged = new Map<string, { micros: bigint; events: number }>();
  for (const row of rows) {
    const key = keyOf(row);
    const sum = merged.get(key) ?? { micros: 0n, events: 0 };
    sum.micros += toBigInt(row.cost);
    sum.events += Number(row.events);
    merged.set(key, sum);
  }
  return [...merged]
    .sort(([a, x], [b, y]) => {
      if (x.micros === y.micros) return a.localeCompare(b);
      return x.micros > y.micros ? -1 : 1;
    })
    .map(([key, { micros, events }]) => ({
      micros,
      spend: { key, cost: formatMicros(micros), events },
    }));
}

function toOpenReservation(row: any): OpenReservation {
  return {
    id: row.id,
    amount: formatMicros(toBigInt(row.amount)),
    currency: row.currency,
    ...(row.agent_id ? { agentId: row.agent_id } : {}),
    ...(row.session_id ? { sessionId: row.session_id } : {}),
    createdAt: toIso(row.created_at)!,
    expiresAt: new Date(Number(row.expires_at)).toISOString(),
  };
}
