import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  finopsCostReadPermission,
  finopsSummaryReadPermission,
} from '@tollgate/plugin-finops-common';
import { ScorecardQueries } from './ScorecardQueries';
import { FinopsRouter, RouteHelpers } from '../http/RouteHelpers';
import { readChoice } from '../http/readQueryParams';

const LEADERBOARD_GROUP_BYS = ['team', 'costCenter'] as const;

/** The entity scorecard and the scorecard leaderboard routes. */
export function addScorecardRoutes(
  router: FinopsRouter,
  scorecards: ScorecardQueries,
  helpers: RouteHelpers,
) {
  const { authorize, loadEntity } = helpers;

  router.get(
    '/v1/entities/:kind/:namespace/:name/scorecard',
    async (req, res) => {
      const entity = await loadEntity(req);
      const entityRef = stringifyEntityRef(entity);
      await authorize(req, finopsCostReadPermission, entityRef);
      res.json(await scorecards.entityScorecard(entityRef));
    },
  );

  router.get('/v1/scorecards', async (req, res) => {
    const groupBy = readChoice(
      req.query,
      'groupBy',
      LEADERBOARD_GROUP_BYS,
      'team',
    );
    await authorize(req, finopsSummaryReadPermission);
    res.json(await scorecards.leaderboard(groupBy));
  });
}
