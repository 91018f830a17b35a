import { CostRecord } from '@tollgate/plugin-finops-common';
import { Knex } from 'knex';
import { countOnce } from '../costs/store/countOnce';
import { CostPrecedence } from '../costs/store/CostPrecedence';
import { WindowWriter } from '../costs/store/WindowWriter';
import { UsageMeasure } from './readUsageEvents';
import { METERED_SOURCE_ID } from './usageRecords';

/** A usage event ready to store: its id, who spent, and its priced records. */
export interface PricedUsageEvent {
  id: string;
  day: string;
  entityRef?: string;
  agentId?: string;
  sessionId?: string;
  /** What the event measured, and the model of token usage. */
  measure: UsageMeasure['kind'];
  model?: string;
  records: CostRecord[];
}

/** Usage events per insert statement: twelve columns each stay inside SQLite's limit. */
const EVENTS_PER_INSERT = 500;

/** Stores events and their records; answers the ids of those seen before, which it skips. */
export async function writeUsageEvents(
  trx: Knex.Transaction,
  events: PricedUsageEvent[],
  now: Date,
  precedence: CostPrecedence,
): Promise<string[]> {
  const writer = new WindowWriter(trx, METERED_SOURCE_ID);
  const inserted = new Set<string>();
  for (let i = 0; i < events.length; i += EVENTS_PER_INSERT) {
    const rows: Array<{ event_id: string }> = await trx('finops_usage_events')
      .insert(
        events.slice(i, i + EVENTS_PER_INSERT).map(event => ({
          event_id: event.id,
          day: event.day,
          entity_ref: event.entityRef ?? null,
          cost: event.records.reduce((sum, r) => sum + r.billedCostMicros, 0n),
          currency: event.records[0]?.currency ?? 'USD',
          agent_id: event.agentId ?? null,
          session_id: event.sessionId ?? null,
          measure: event.measure,
          team: event.records.find(record => record.team)?.team ?? null,
          model: event.model ?? null,
          received_at: now,
          received_ms: now.getTime(),
        })),
      )
      .onConflict('event_id')
      .ignore()
      .returning('event_id');
    rows.forEach(row => inserted.add(row.event_id));
  }
  const duplicates: string[] = [];
  for (const event of events) {
    if (!inserted.has(event.id)) {
      duplicates.push(event.id);
      continue;
    }
    for (const record of event.records) {
      const written = writer.addCost(record);
      if (written) await written;
    }
  }
  await writer.finish();
  const days = events.map(e => e.day).sort();
  const refs = new Set<string>();
  for (const event of events) {
    for (const record of event.records) {
      if (record.entityRef) refs.add(record.entityRef);
    }
  }
  // Also without entities: every metered write holds the count-once lock before it
  // commits, which compaction relies on.
  if (days.length) {
    await countOnce(
      trx,
      { from: days[0], to: days[days.length - 1] },
      precedence,
      { entityRefs: [...refs] },
    );
  }
  return duplicates;
}
