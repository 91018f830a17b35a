import fs from 'node:fs';
import path from 'node:path';
import { parseJsonKeepingNumberText } from '@tollgate/plugin-finops-node';
import { MalformedSpendLogError, readSpendLog } from './readSpendLog';

const WINDOW = { from: '2024-04-30', to: '2024-04-30' };

/** The documented spend log row, as a request of the window. */
function docsRow(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const text = fs.readFileSync(
    path.resolve(__dirname, '../__fixtures__/docs_spendlogs_row_example.json'),
    'utf8',
  );
  return {
    ...(parseJsonKeepingNumberText(text) as Record<string, unknown>),
    request_id: 'chatcmpl-1',
    startTime: '2024-04-30T08:15:02.118000Z',
    ...extra,
  };
}

describe('readSpendLog', () => {
  it('reads the documented row', () => {
    expect(readSpendLog(docsRow(), WINDOW)).toEqual({
      requestId: 'chatcmpl-1',
      day: '2024-04-30',
      spend: '0.000002',
      promptTokens: 20n,
      completionTokens: 80n,
      provider: 'litellm',
      model: 'llama3',
      entityRef: undefined,
      tags: {
        'litellm.team_id': 'e8d1460f-846c-45d7-9b43-55f3cc52ac32',
        'litellm.api_key': 'fe6b0cab4ff5a5a8df823196cc8a450*****',
        'litellm.user': 'default_user',
        'litellm.end_user': 'palantir',
        'litellm.model_group': 'llama3',
        'litellm.request_tags':
          '["jobID:214590dsff09fds","taskName:run_page_classification"]',
      },
    });
  });

  it('names the provider and model the request went to', () => {
    const log = readSpendLog(
      docsRow({ custom_llm_provider: 'Vertex_AI', model: 'gemini-1.5-pro' }),
      WINDOW,
    );
    expect([log?.provider, log?.model]).toEqual([
      'vertex-ai',
      'gemini-1.5-pro',
    ]);
  });

  it('reads the entity a request names, in its metadata or its tags', () => {
    const byMetadata = docsRow({
      metadata: {
        spend_logs_metadata: { 'backstage-entity': 'component:default/triage' },
      },
    });
    expect(readSpendLog(byMetadata, WINDOW)?.entityRef).toBe(
      'component:default/triage',
    );
    const byTag = docsRow({ request_tags: '["backstage-entity:Triage"]' });
    expect(readSpendLog(byTag, WINDOW)?.entityRef).toBe(
      'component:default/triage',
    );
    const invalid = readSpendLog(
      docsRow({ request_tags: ['backstage-entity:component:default/'] }),
      WINDOW,
    );
    expect(invalid?.entityRef).toBeUndefined();
    expect(invalid?.tags['litellm.entity_ref']).toBe('component:default/');
  });

  it('reads times with or without a zone, and leaves the closing midnight to the next window', () => {
    const at = (startTime: string) =>
      readSpendLog(docsRow({ startTime }), WINDOW)?.day;
    expect(at('2024-04-30T23:59:59.999999+00:00')).toBe('2024-04-30');
    expect(at('2024-04-30 00:00:00')).toBe('2024-04-30');
    expect(at('2024-05-01T01:30:00+02:00')).toBe('2024-04-30');
    expect(at('2024-05-01T00:00:00Z')).toBeUndefined();
    expect(() => at('2024-05-01T00:00:00.001Z')).toThrow(
      'startTime 2024-05-01T00:00:00.001Z is outside the requested days 2024-04-30..2024-04-30',
    );
  });

  it.each([
    [{ request_id: null }, 'request_id is null, expected an id'],
    [
      { startTime: 'yesterday' },
      'startTime is "yesterday", expected an ISO date-time',
    ],
    [{ spend: 'free' }, 'spend is "free", expected a number of dollars'],
    [{ spend: '1e-99' }, 'spend is "1e-99", expected a number of dollars'],
    [
      { prompt_tokens: '-1' },
      'prompt_tokens is "-1", expected a whole number of tokens',
    ],
    [
      { completion_tokens: true },
      'completion_tokens is true, expected a whole number of tokens',
    ],
  ])('names the wrong field of %j', (extra, message) => {
    expect(() => readSpendLog(docsRow(extra), WINDOW)).toThrow(
      MalformedSpendLogError,
    );
    expect(() => readSpendLog(docsRow(extra), WINDOW)).toThrow(message);
  });

  it('counts a request without spend or tokens as free and empty', () => {
    const log = readSpendLog(
      docsRow({
        spend: null,
        prompt_tokens: null,
        completion_tokens: undefined,
      }),
      WINDOW,
    );
    expect([log?.spend, log?.promptTokens, log?.completionTokens]).toEqual([
      '0',
      0n,
      0n,
    ]);
  });
});
