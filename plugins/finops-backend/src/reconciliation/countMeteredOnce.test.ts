import { countMeteredOnce } from './countMeteredOnce';
import { TokenRecordGroup } from './ReconciliationStore';

function group(
  sourceId: string,
  entityRef: string | null,
  provider = 'openai',
  day = '2026-08-10',
): TokenRecordGroup {
  return {
    sourceId,
    entityRef,
    provider,
    model: 'gpt-4o',
    tokenType: 'input',
    day,
    unit: 'tokens',
    quantity: 1_000_000n,
    withoutQuantity: 0,
    billedMicros: 0n,
  };
}

const rank = (sourceId: string) => (sourceId === 'metered' ? 1 : 2);

describe('countMeteredOnce', () => {
  it('keeps telemetry over metered usage of the same entity, provider and day', () => {
    const kept = countMeteredOnce(
      [
        group('metered', 'component:default/a'),
        group('prometheus:main', 'component:default/a', 'OpenAI'),
        group('metered', 'component:default/b'),
        group('metered', 'component:default/a', 'anthropic'),
        group('metered', 'component:default/a', 'openai', '2026-08-11'),
        group('metered', null),
      ],
      rank,
    );
    expect(kept.map(g => [g.sourceId, g.entityRef, g.provider, g.day])).toEqual(
      [
        ['prometheus:main', 'component:default/a', 'OpenAI', '2026-08-10'],
        ['metered', 'component:default/b', 'openai', '2026-08-10'],
        ['metered', 'component:default/a', 'anthropic', '2026-08-10'],
        ['metered', 'component:default/a', 'openai', '2026-08-11'],
        ['metered', null, 'openai', '2026-08-10'],
      ],
    );
  });

  it('keeps every source of the same rank', () => {
    const both = [
      group('prometheus:a', 'component:default/a'),
      group('litellm:b', 'component:default/a'),
    ];
    expect(countMeteredOnce(both, rank)).toEqual(both);
  });
});
