import { DayWindow } from '@tollgate/plugin-finops-common';
import { UsageMetric } from '@tollgate/plugin-finops-node';
import { Knex } from 'knex';
import { UsageMetricRows } from './CostStore';
import { ofEntities } from './rollupRows';
import { selectRows } from '../../database/selectRows';

export async function usageMetrics(
  db: Knex,
  query: { entityRefs: string[]; window: DayWindow; metrics?: string[] },
): Promise<UsageMetric[]> {
  let builder = ofEntities(db, db('finops_usage_metrics'), query.entityRefs)
    .select('day', 'entity_ref', 'metric', 'labels', 'value')
    .whereBetween('day', [query.window.from, query.window.to]);
  if (query.metrics) {
    builder = builder.whereIn('metric', query.metrics);
  }
  const rows: any[] = await builder.orderBy(['day', 'id']);
  const labels = labelsReader();
  return rows.map(row =>
    usageMetric(
      row.day,
      row.entity_ref,
      row.metric,
      labels(row.labels),
      row.value,
    ),
  );
}

export async function entitiesUsage(
  db: Knex,
  query: { entityRefs: string[]; window: DayWindow; metric: string },
): Promise<UsageMetricRows> {
  const rows: any[][] = await selectRows(
    db,
    ofEntities(db, db('finops_usage_metrics'), query.entityRefs)
      .select('id', 'day', 'entity_ref', 'labels', 'value')
      .where('metric', query.metric)
      .whereBetween('day', [query.window.from, query.window.to])
      .orderBy(['entity_ref', 'day', 'id']),
  );
  const labels = labelsReader();
  return {
    metrics: rows.map(([, day, entityRef, text, value]) =>
      usageMetric(day, entityRef, query.metric, labels(text), value),
    ),
    ids: rows.map(([id]) => Number(id)),
  };
}

function usageMetric(
  day: string,
  entityRef: string,
  metric: string,
  labels: Record<string, string>,
  value: unknown,
): UsageMetric {
  return { day, entityRef, metric, labels, value: Number(value) };
}

/** Parses labels, each distinct text once: metrics repeat a few label sets. */
function labelsReader() {
  const parsed = new Map<string, Record<string, string>>();
  return (text: string): Record<string, string> => {
    let labels = parsed.get(text);
    if (!labels) {
      labels = JSON.parse(text) as Record<string, string>;
      parsed.set(text, labels);
    }
    return { ...labels };
  };
}
