import { Config } from '@backstage/config';
import { readVendorSourceConfigs } from '@tollgate/plugin-finops-node';
import { LiteLlmSourceConfig } from './LiteLlmSourceConfig';

/**
 * Reads every entry of `tollgate.sources.litellm`; `baseUrl` is required, since a
 * LiteLLM proxy has no public address. Throws an InputError naming the entry and key
 * of the first invalid value; the key is never shown.
 */
export function readLiteLlmSourceConfigs(root: Config): LiteLlmSourceConfig[] {
  return readVendorSourceConfigs(root, {
    configKey: 'tollgate.sources.litellm',
    vendorName: 'LiteLLM',
    secretKey: 'apiKey',
    secretDescription: 'a LiteLLM proxy master or admin key',
  }).map(({ id, baseUrl, secret, timeoutMs, schedule }) => ({
    id,
    baseUrl,
    apiKey: secret,
    timeoutMs,
    schedule,
  }));
}
