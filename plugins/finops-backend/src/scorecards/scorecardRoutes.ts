import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  finopsCostReadPermission,
  finopsSummaryReadPermission,
} from '@tollgate/plugin-finops-common';
import { Request, Router } from 'express';
import { ScorecardQueries } from './ScorecardQueries';
import { Authorize } from '../http/createAuthorizer';
import { readChoice } from '../http/readQueryParams';

const LEADERBOARD_GROUP_BYS = ['team', 'costCenter'] as const;

/** The entity scorecard and the scorecard leaderboard routes. */
export function addScorecardRoutes(
  router: Router,
  scorecards: ScorecardQueries,
  helpers: {
    authorize: Authorize;
    loadEntity: (req: Request) => Promise<Entity>;
  },
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
