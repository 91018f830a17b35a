import { FocusSkuPriceDetails } from './FocusSkuPriceDetails';

function details(json: object | string): FocusSkuPriceDetails {
  const parsed = FocusSkuPriceDetails.parse(
    typeof json === 'string' ? json : JSON.stringify(json),
  );
  if (!(parsed instanceof FocusSkuPriceDetails)) {
    throw new Error(parsed.error);
  }
  return parsed;
}

describe('FocusSkuPriceDetails', () => {
  it.each([
    [{ TokenDirection: 'Input', TokenCacheAction: 'Uncached' }, 'input'],
    [{ TokenDirection: 'Input' }, 'input'],
    [{ TokenDirection: 'Input', TokenCacheAction: 'Read' }, 'cache-read'],
    [{ TokenDirection: 'Input', TokenCacheAction: 'Write' }, 'cache-write'],
    [{ TokenDirection: 'Output' }, 'output'],
    [{ x_TokenDirection: 'output' }, 'output'],
    [{ tokendirection: 'PROMPT', tokencacheaction: 'read' }, 'cache-read'],
    [{ TokenCacheAction: 'Write' }, 'cache-write'],
  ])('reads %j as the token type %s', (json, tokenType) => {
    expect(details(json).tokenType).toBe(tokenType);
  });

  it.each([[{}], [{ TokenDirection: 'Sideways' }], [{ CoreCount: 4 }]])(
    'has no token type for %j',
    json => {
      expect(details(json).tokenType).toBeUndefined();
    },
  );

  it('names the model by ModelId, else by Model', () => {
    expect(
      details({ ModelId: 'solora-reasoning-pro', ModelFamily: 'Solora' }).model,
    ).toBe('solora-reasoning-pro');
    expect(details({ x_Model: 'gpt-4o' }).model).toBe('gpt-4o');
    expect(details({ ModelFamily: 'Solora' }).model).toBeUndefined();
  });

  it('names the API operation by Operation, else OperationId or OperationName', () => {
    expect(details({ Operation: 'createMessage' }).operation).toBe(
      'createMessage',
    );
    expect(details({ x_operationid: ' geocode ' }).operation).toBe('geocode');
    expect(details({ OperationName: 'search', Operation: '' }).operation).toBe(
      'search',
    );
    expect(details({ ModelId: 'gpt-4o' }).operation).toBeUndefined();
  });

  it('answers an error for text that is not a JSON object', () => {
    expect(FocusSkuPriceDetails.parse('{"a":')).toEqual({
      error: expect.stringMatching(/^is not valid JSON/),
    });
    expect(FocusSkuPriceDetails.parse('[1]')).toEqual({
      error: 'is JSON but not an object',
    });
  });
});
