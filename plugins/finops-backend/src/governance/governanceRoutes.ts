import { HttpAuthService } from '@backstage/backend-plugin-api';
import { GOVERNANCE_LEVELS } from '@tollgate/plugin-finops-common';
import { readChoice, readText } from '../http/readQueryParams';
import { FinopsRouter } from '../http/RouteHelpers';
import { GovernanceService } from './GovernanceService';

/** `GET /v1/governance/findings`: the governance rules evaluated over the catalog. */
export function addGovernanceRoutes(
  router: FinopsRouter,
  governance: GovernanceService,
  httpAuth: HttpAuthService,
) {
  router.get('/v1/governance/findings', async (req, res) => {
    const filter = {
      entityRef: readText(req.query, 'entityRef'),
      team: readText(req.query, 'team'),
      rule: readText(req.query, 'rule'),
      level: readChoice(req.query, 'level', GOVERNANCE_LEVELS, undefined),
    };
    const credentials = await httpAuth.credentials(req);
    res.json(await governance.findings(filter, credentials));
  });
}
