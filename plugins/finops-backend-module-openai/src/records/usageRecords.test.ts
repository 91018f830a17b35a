import { completionsRecords, embeddingsRecords } from './usageRecords';

const DAY = '2026-03-01';

describe('completionsRecords', () => {
  it('leaves out token types without tokens, and unknown fields', () => {
    const records = completionsRecords(DAY, {
      input_tokens: '120',
      output_tokens: '0',
      input_audio_tokens: '7',
      model: 'gpt-4.1',
      project_id: null,
    });
    expect(records.map(r => [r.dimension, r.quantity])).toEqual([
      ['input', 120_000_000n],
    ]);
    expect(records[0].tags).toEqual({ 'openai.report': 'completions' });
  });

  it('reads token counts in the trillions exactly', () => {
    const [record] = completionsRecords(DAY, {
      input_tokens: '4398046511107',
    });
    expect(record.quantity).toBe(4398046511107_000000n);
  });

  it.each([
    [
      {
        input_tokens: '10',
        input_cached_tokens: '8',
        input_cache_write_tokens: '3',
      },
      'input_tokens 10 is less than input_cached_tokens 8 plus input_cache_write_tokens 3, which it includes',
    ],
    [
      { input_tokens: '1.5' },
      'input_tokens is "1.5", expected a whole number of tokens',
    ],
    [{ output_tokens: true }, 'output_tokens is true, expected a whole number'],
    [
      { output_tokens: '9007199254740993' },
      'output_tokens is 9007199254740993, more tokens than a record holds (9000000000000)',
    ],
  ])('refuses %j', (result, message) => {
    expect(() => completionsRecords(DAY, result)).toThrow(message);
  });
});

describe('embeddingsRecords', () => {
  it('records input tokens', () => {
    expect(
      embeddingsRecords(DAY, {
        input_tokens: '16',
        model: 'text-embedding-3-small',
        api_key_id: 'key_1',
      }),
    ).toEqual([
      {
        day: DAY,
        provider: 'openai',
        service: 'OpenAI API',
        model: 'text-embedding-3-small',
        dimensionKind: 'tokenType',
        dimension: 'input',
        quantity: 16_000_000n,
        unit: 'tokens',
        billedCostMicros: 0n,
        currency: 'USD',
        tags: { 'openai.report': 'embeddings', 'openai.api_key_id': 'key_1' },
      },
    ]);
  });
});
