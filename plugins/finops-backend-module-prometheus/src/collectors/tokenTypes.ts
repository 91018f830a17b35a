import { TokenType } from '@tollgate/plugin-finops-common';

const TOKEN_TYPE_WORDS: Record<string, TokenType> = {
  input: 'input',
  prompt: 'input',
  output: 'output',
  completion: 'output',
  cache_read: 'cache-read',
  cache_read_input: 'cache-read',
  cached_input: 'cache-read',
  input_cached: 'cache-read',
  input_cache_read: 'cache-read',
  cache_write: 'cache-write',
  cache_creation: 'cache-write',
  cache_creation_input: 'cache-write',
  input_cache_creation: 'cache-write',
  input_cache_write: 'cache-write',
};

/**
 * Maps a `gen_ai.token.type` value to a token type: `input`, `output` (also the
 * older `completion`), and the cache variants that instrumentations report, such
 * as `cache_read`, `cached_input`, `cache_creation` or `cache_write`. Undefined for
 * anything else.
 */
export function toTokenType(value: string): TokenType | undefined {
  const word = value
    .trim()
    .toLowerCase()
    .replace(/[\s.-]+/g, '_');
  return TOKEN_TYPE_WORDS[word];
}
