import {
  isBillable,
  isServerError,
  isThrottled,
  outboundStatus,
} from './statusClasses';
import { toTokenType } from './tokenTypes';

describe('status classes', () => {
  it('tells server errors', () => {
    expect(['500', '503', 'ERROR', 'error'].map(isServerError)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['200', '404', '429', 'ok', '5000'].map(isServerError)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('names the status of outbound calls', () => {
    expect(outboundStatus('429', '429')).toBe('429');
    expect(outboundStatus('', 'java.net.SocketTimeoutException')).toBe(
      'timeout',
    );
    expect(outboundStatus('', 'timeout')).toBe('timeout');
    expect(outboundStatus('', 'ConnectTimeoutError')).toBe('timeout');
    expect(outboundStatus('', 'transport')).toBe('error');
    expect(outboundStatus('', '')).toBe('unknown');
    expect(['429', '503', 'timeout', '500', 'error'].map(isThrottled)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(['200', '302', '429', '500', 'timeout'].map(isBillable)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});

describe('toTokenType', () => {
  it.each([
    ['input', 'input'],
    ['prompt', 'input'],
    ['output', 'output'],
    ['completion', 'output'],
    ['cache_read', 'cache-read'],
    ['cache-read', 'cache-read'],
    ['cached_input', 'cache-read'],
    ['cache_creation', 'cache-write'],
    ['Cache.Write', 'cache-write'],
    ['reasoning', undefined],
    ['', undefined],
  ])('maps %j to %j', (value, tokenType) => {
    expect(toTokenType(value)).toBe(tokenType);
  });
});
