import { usageRecords } from './usageRecords';

const DAY = '2025-08-01';

describe('usageRecords', () => {
  it('records nothing for a result without usage', () => {
    expect(
      usageRecords(DAY, {
        uncached_input_tokens: '0',
        cache_creation: null,
        output_tokens: '0',
        server_tool_use: null,
      }),
    ).toEqual([]);
  });

  it('tells the two cache writes apart by their ttl', () => {
    const records = usageRecords(DAY, {
      cache_creation: {
        ephemeral_5m_input_tokens: '5',
        ephemeral_1h_input_tokens: '60',
      },
      workspace_id: 'wrkspc_1',
    });
    expect(records.map(r => [r.dimension, r.quantity, r.tags])).toEqual([
      [
        'cache-write',
        5_000_000n,
        {
          'anthropic.report': 'usage',
          'anthropic.workspace_id': 'wrkspc_1',
          'anthropic.cache_ttl': '5m',
        },
      ],
      [
        'cache-write',
        60_000_000n,
        {
          'anthropic.report': 'usage',
          'anthropic.workspace_id': 'wrkspc_1',
          'anthropic.cache_ttl': '1h',
        },
      ],
    ]);
  });

  it.each([
    [{ output_tokens: '-1' }, 'output_tokens is "-1", expected a whole number'],
    [
      { uncached_input_tokens: '9007199254740993' },
      'uncached_input_tokens is 9007199254740993, more than a record holds (9000000000000)',
    ],
    [
      { cache_creation: { ephemeral_5m_input_tokens: true } },
      'cache_creation.ephemeral_5m_input_tokens is true, expected a whole number',
    ],
  ])('refuses %j', (result, message) => {
    expect(() => usageRecords(DAY, result)).toThrow(message);
  });
});
