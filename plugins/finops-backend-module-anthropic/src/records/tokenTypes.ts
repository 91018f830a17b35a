import { TokenType } from '@tollgate/plugin-finops-common';

/** A token type, and for cache writes how long the written cache lasts. */
export interface AnthropicTokenType {
  tokenType: TokenType;
  cacheTtl?: '5m' | '1h';
}

/**
 * The token types of Anthropic's reports, by the names the cost report's
 * `token_type` gives them (the usage report's fields of the same names).
 */
export const ANTHROPIC_TOKEN_TYPES: Record<string, AnthropicTokenType> = {
  uncached_input_tokens: { tokenType: 'input' },
  cache_read_input_tokens: { tokenType: 'cache-read' },
  'cache_creation.ephemeral_5m_input_tokens': {
    tokenType: 'cache-write',
    cacheTtl: '5m',
  },
  'cache_creation.ephemeral_1h_input_tokens': {
    tokenType: 'cache-write',
    cacheTtl: '1h',
  },
  output_tokens: { tokenType: 'output' },
};
