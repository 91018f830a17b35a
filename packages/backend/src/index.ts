// First: the meter provider must exist before plugins take their meters.
import './instrumentation';
import { createBackend } from '@backstage/backend-defaults';
import { permissionModuleTollgatePolicy } from './permissions/permissionModuleTollgatePolicy';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// auth: guest sign-in for the demo
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// catalog, with processing errors and unprocessed entities visible
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
backend.add(import('@backstage/plugin-catalog-backend-module-unprocessed'));
backend.add(import('@tollgate/plugin-catalog-backend-module-finops'));

// permissions, decided by the demo's policy (see ./permissions)
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(permissionModuleTollgatePolicy);

// notifications and signals
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// Tollgate FinOps and its cost sources
backend.add(import('@tollgate/plugin-finops-backend'));
backend.add(import('@tollgate/plugin-finops-backend-module-opencost'));
backend.add(import('@tollgate/plugin-finops-backend-module-prometheus'));
backend.add(import('@tollgate/plugin-finops-backend-module-focus'));
backend.add(import('@tollgate/plugin-finops-backend-module-openai'));
backend.add(import('@tollgate/plugin-finops-backend-module-anthropic'));
backend.add(import('@tollgate/plugin-finops-backend-module-litellm'));

// the finops actions, served to MCP clients at /api/mcp-actions/v1
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.start();
