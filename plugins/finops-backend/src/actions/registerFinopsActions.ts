import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { registerBudgetActions } from './budgetActions';
import { registerCostActions } from './costActions';
import { FinopsActionServices } from './FinopsActionServices';
import { registerGuardrailActions } from './guardrailActions';

/**
 * Registers the finops actions (ids `finops:<name>`) in Backstage's Actions Registry,
 * through which MCP clients call them. Each checks the caller's own credentials
 * against the same permissions as the REST route it mirrors.
 */
export function registerFinopsActions(
  registry: ActionsRegistryService,
  services: FinopsActionServices,
) {
  registerCostActions(registry, services);
  registerBudgetActions(registry, services);
  registerGuardrailActions(registry, services);
}
