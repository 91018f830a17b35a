import { mockServices } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NaftikoCapabilityProcessor } from '@tollgate/plugin-catalog-backend-module-finops';
import {
  BudgetStatus,
  addDays,
  annotationBudget,
  budgetStatus,
  detectSpendAnomaly,
  parseMicros,
  readEntityCostLabels,
  spendBaseline,
} from '@tollgate/plugin-finops-common';
import { createDemoAllocations } from '@tollgate/plugin-finops-backend-module-opencost/replay/allocations';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { DEMO_ENTITY_TAG, generateDemoFocus } from '../demoFocus';

const EXAMPLES = join(__dirname, '..', '..', '..', '..', '..', 'examples');
const KUBERNETES_ID = 'backstage.io/kubernetes-id';

/** The example catalog's entities, as the catalog reads them from examples/. */
export function readExampleEntities(): Entity[] {
  return ['org.yaml', 'systems.yaml', 'capabilities.yaml', 'apis.yaml'].flatMap(
    file =>
      parseAllDocuments(readFileSync(join(EXAMPLES, file), 'utf8')).map(
        doc => doc.toJS() as Entity,
      ),
  );
}

/**
 * The entities of the example Naftiko capability spec, as the catalog finops module
 * imports them with the demo's configuration.
 */
export async function readNaftikoEntities(): Promise<Entity[]> {
  const processor = new NaftikoCapabilityProcessor({
    reader: mockServices.urlReader.mock(),
    defaultOwner: 'unknown',
    lifecycle: 'production',
  });
  const entities: Entity[] = [];
  await processor.readLocation(
    {
      type: 'naftiko',
      target: join(EXAMPLES, 'naftiko', 'support-triage.yml'),
    },
    false,
    result => {
      if (result.type !== 'entity') {
        throw new Error(`The example Naftiko spec gave ${result.type}`);
      }
      entities.push(result.entity);
    },
    undefined,
    { get: async () => undefined, set: async () => {} },
  );
  return entities;
}

/** The labels each example workload carries in the OpenCost replay. */
export function readWorkloadLabels(): Record<string, Record<string, string>> {
  return JSON.parse(
    readFileSync(join(EXAMPLES, 'opencost', 'workload-labels.json'), 'utf8'),
  );
}

/** One day's spend per entity ref, team and unallocated, in micro-units. */
export interface DemoSpend {
  byScope: Map<string, Map<string, bigint>>;
  /** Spend per entity, provider/model/direction and day, for anomaly detection. */
  byDimension: Map<string, Map<string, number>>;
  unallocatedByDay: Map<string, bigint>;
}

function add<K>(
  map: Map<K, Map<string, bigint>>,
  key: K,
  day: string,
  micros: bigint,
) {
  const daily = map.get(key) ?? new Map<string, bigint>();
  daily.set(day, (daily.get(day) ?? 0n) + micros);
  map.set(key, daily);
}

/**
 * What the demo ingests for the days ending on `today`: the generated FOCUS exports and
 * the OpenCost replay's allocations of the example workloads, attributed as the sources
 * attribute them (an entity's own team, rows naming no catalog entity unallocated).
 */
export function demoSpend(
  entities: Entity[],
  today: string,
  days: number,
): DemoSpend {
  const teamOf = new Map<string, string | undefined>();
  const kubernetesIds = new Map<string, string>();
  for (const entity of entities) {
    const ref = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
    teamOf.set(ref, readEntityCostLabels(entity).team);
    const id = entity.metadata.annotations?.[KUBERNETES_ID];
    if (id) kubernetesIds.set(id, ref);
  }
  const spend: DemoSpend = {
    byScope: new Map(),
    byDimension: new Map(),
    unallocatedByDay: new Map(),
  };
  const record = (
    ref: string | undefined,
    day: string,
    micros: bigint,
    dimension?: string,
  ) => {
    if (!ref || !teamOf.has(ref)) {
      spend.unallocatedByDay.set(
        day,
        (spend.unallocatedByDay.get(day) ?? 0n) + micros,
      );
      return;
    }
    add(spend.byScope, `entity:${ref}`, day, micros);
    const team = teamOf.get(ref);
    if (team) add(spend.byScope, `team:${team}`, day, micros);
    if (dimension) {
      const key = `${ref}|${dimension}`;
      const daily = spend.byDimension.get(key) ?? new Map<string, number>();
      daily.set(day, (daily.get(day) ?? 0) + Number(micros));
      spend.byDimension.set(key, daily);
    }
  };
  const { aiProviders, saasApis } = generateDemoFocus({ today, days });
  for (const row of [...aiProviders, ...saasApis]) {
    record(
      JSON.parse(row.Tags)[DEMO_ENTITY_TAG],
      row.ChargePeriodStart.slice(0, 10),
      parseMicros(row.EffectiveCost)!,
      `${row.ServiceProviderName}|${row.SkuId}`,
    );
  }
  const allocationsFor = createDemoAllocations({
    ids: [...kubernetesIds.keys()],
  });
  for (
    let day = addDays(today, -(days - 1));
    day <= today;
    day = addDays(day, 1)
  ) {
    const allocations = allocationsFor(day, {
      aggregate: `label:${KUBERNETES_ID}`,
    });
    for (const [name, allocation] of Object.entries(allocations)) {
      record(
        kubernetesIds.get(name),
        day,
        BigInt(Math.round((allocation.totalCost ?? 0) * 1e6)),
      );
    }
  }
  return spend;
}

/** The status of every budget the example catalog declares, on `today`. */
export function demoBudgetStatuses(
  entities: Entity[],
  spend: DemoSpend,
  today: string,
): BudgetStatus[] {
  return entities.flatMap(entity => {
    const budget = annotationBudget(entity);
    if (!budget) return [];
    const key =
      'team' in budget.scope
        ? `team:${budget.scope.team}`
        : `entity:${(budget.scope as { entityRef: string }).entityRef}`;
    return [
      budgetStatus({
        budget,
        daily: spend.byScope.get(key) ?? new Map(),
        asOf: today,
      }),
    ];
  });
}

/** The entity dimensions whose spend on `day` is a spend anomaly, as alerts judge it. */
export function demoAnomalies(
  spend: DemoSpend,
  day: string,
  minIncreaseMicros: number,
) {
  return [...spend.byDimension]
    .filter(
      ([, daily]) =>
        detectSpendAnomaly({
          baseline: spendBaseline(daily, day),
          value: daily.get(day) ?? 0,
          minIncreaseMicros,
        }).anomalous,
    )
    .map(([key]) => key);
}
