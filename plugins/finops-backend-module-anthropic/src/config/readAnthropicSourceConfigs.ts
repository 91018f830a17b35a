import { Config } from '@backstage/config';
import { readVendorSourceConfigs } from '@tollgate/plugin-finops-node';
import {
  DEFAULT_ANTHROPIC_BASE_URL,
  AnthropicSourceConfig,
} from './AnthropicSourceConfig';

/**
 * Reads every entry of `tollgate.sources.anthropic`. Throws an InputError naming the
 * entry and key of the first invalid value; the admin key is never shown.
 */
export function readAnthropicSourceConfigs(
  root: Config,
): AnthropicSourceConfig[] {
  return readVendorSourceConfigs(root, {
    configKey: 'tollgate.sources.anthropic',
    vendorName: 'Anthropic',
    defaultBaseUrl: DEFAULT_ANTHROPIC_BASE_URL,
    secretKey: 'adminKey',
    secretDescription: 'an Anthropic Admin API key',
  }).map(({ id, baseUrl, secret, timeoutMs, schedule }) => ({
    id,
    baseUrl,
    adminKey: secret,
    timeoutMs,
    schedule,
  }));
}
