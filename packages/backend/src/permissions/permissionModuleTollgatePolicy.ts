import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { TollgatePermissionPolicy } from './TollgatePermissionPolicy';

/** The permission backend decides with the demo's Tollgate policy. */
export const permissionModuleTollgatePolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'tollgate-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        userInfo: coreServices.userInfo,
      },
      async init({ policy, userInfo }) {
        policy.setPolicy(new TollgatePermissionPolicy(userInfo));
      },
    });
  },
});
