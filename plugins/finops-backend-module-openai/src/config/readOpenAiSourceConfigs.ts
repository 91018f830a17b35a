import { Config } from '@backstage/config';
import { readVendorSourceConfigs } from '@tollgate/plugin-finops-node';
import {
  DEFAULT_OPENAI_BASE_URL,
  OpenAiSourceConfig,
} from './OpenAiSourceConfig';

/**
 * Reads every entry of `tollgate.sources.openai`. Throws an InputError naming the
 * entry and key of the first invalid value; the admin key is never shown.
 */
export function readOpenAiSourceConfigs(root: Config): OpenAiSourceConfig[] {
  return readVendorSourceConfigs(root, {
    configKey: 'tollgate.sources.openai',
    vendorName: 'OpenAI',
    defaultBaseUrl: DEFAULT_OPENAI_BASE_URL,
    secretKey: 'adminKey',
    secretDescription: 'an OpenAI admin key',
  }).map(({ id, baseUrl, secret, timeoutMs, schedule }) => ({
    id,
    baseUrl,
    adminKey: secret,
    timeoutMs,
    schedule,
  }));
}
