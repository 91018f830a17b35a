import { Entity } from '@backstage/catalog-model';
import {
  readExampleEntities,
  readNaftikoEntities,
} from '../__testUtils__/demoStory';
import { TRAFFIC_PROFILES } from './trafficProfiles';

describe('the capabilities with traffic', () => {
  let entities: Entity[] = [];
  beforeAll(async () => {
    entities = [...readExampleEntities(), ...(await readNaftikoEntities())];
  });

  it.each(TRAFFIC_PROFILES.map(p => [p.capability, p] as const))(
    '%s declares what every check of its scorecard reads',
    (capability, profile) => {
      const entity = entities.find(
        e => e.kind === 'Component' && e.metadata.name === capability,
      );
      const annotations = entity?.metadata.annotations ?? {};
      expect({
        selector: annotations['tollgate.dev/prometheus-selector'],
        outcomeQuery: annotations['tollgate.dev/outcome-query'],
        latencySlo: annotations['tollgate.dev/latency-slo'] !== undefined,
        budget: annotations['tollgate.dev/budget'] !== undefined,
        enforcement: annotations['tollgate.dev/budget-enforcement'],
        lifecycle: entity?.spec?.lifecycle,
      }).toEqual({
        selector: `{job="${capability}"}`,
        outcomeQuery: `sum(increase(${profile.outcome.metric}{job="${capability}"}[1d]))`,
        latencySlo: true,
        budget: true,
        enforcement: 'hard',
        lifecycle: 'production',
      });
    },
  );
});
