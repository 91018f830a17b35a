import { ANNOTATION_OUTCOME_QUERY } from '@tollgate/plugin-finops-common';
import { UsageMetric } from '@tollgate/plugin-finops-node';
import { PrometheusQueryError } from '../client/PrometheusQueryError';
import { FetchSession } from '../source/FetchSession';
import { EntityDay } from './EntityDay';

/**
 * Business outcomes of one component on one complete day (`outcomes`): its
 * `tollgate.dev/outcome-query` evaluated as written at the day's end, the values of
 * all series summed. A query the server refuses as bad is reported once and skipped,
 * since it is the entity's own text; other failures throw.
 */
export async function collectOutcomes(
  session: FetchSession,
  { target, day }: EntityDay,
): Promise<UsageMetric[]> {
  const query = target.outcomeQuery;
  if (
    !query ||
    !day.complete ||
    session.refusedOutcomeQueries.has(target.entityRef)
  ) {
    return [];
  }
  let samples;
  try {
    samples = await session.query(query, day.time);
  } catch (error) {
    if (
      error instanceof PrometheusQueryError &&
      error.errorType === 'bad_data'
    ) {
      session.refusedOutcomeQueries.add(target.entityRef);
      session.logger.warn(
        `Prometheus source ${session.config.id}: skipping outcomes of ${target.entityRef}: Prometheus refused its annotation ${ANNOTATION_OUTCOME_QUERY}: ${error.message}`,
      );
      return [];
    }
    throw error;
  }
  const values = samples.map(s => s.value).filter(Number.isFinite);
  if (values.length === 0) {
    return [];
  }
  const value = values.reduce((sum, v) => sum + v, 0);
  return [
    { day: day.day, entityRef: target.entityRef, metric: 'outcomes', value },
  ];
}
