import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Box,
  Grid,
  LinearProgress,
  Typography,
} from '@material-ui/core';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import {
  EntityScorecardResponse,
  ScorecardCheckResult,
  ScorecardPillarResult,
} from '@tollgate/plugin-finops-common';
import useAsync from 'react-use/esm/useAsync';
import { finopsApiRef } from '../../api';
import { formatScore } from '../format';
import {
  PILLAR_LABELS,
  STATUS_LABELS,
  formatThresholds,
  formatValue,
} from './checkText';
import { ScorecardTrendChart } from './ScorecardTrendChart';
import { AlarmChip } from '../AlarmChip';

type ScorecardWithTrend = EntityScorecardResponse['scorecards'][number];

function PillarGauge(props: { pillar: ScorecardPillarResult }) {
  const { pillar } = props;
  const label = PILLAR_LABELS[pillar.pillar];
  return (
    <Box data-testid={`scorecard-pillar-${pillar.pillar}`}>
      <Box display="flex" justifyContent="space-between">
        <Typography variant="body2">{label}</Typography>
        <Typography variant="body2">
          {pillar.score === null
            ? 'not applicable'
            : `${formatScore(pillar.score)} (${pillar.grade})`}
        </Typography>
      </Box>
      <LinearProgress
        variant="determinate"
        value={pillar.score ?? 0}
        aria-label={`${label} score`}
      />
    </Box>
  );
}

function CheckDetails(props: { check: ScorecardCheckResult }) {
  const { check } = props;
  return (
    <Accordion TransitionProps={{ unmountOnExit: true }}>
      <AccordionSummary expandIcon={<ExpandMoreIcon />}>
        <Box display="flex" alignItems="center" style={{ gap: 8 }}>
          <AlarmChip
            label={STATUS_LABELS[check.status]}
            alarm={check.status === 'fail'}
          />
          <Typography variant="body2">{check.description}</Typography>
        </Box>
      </AccordionSummary>
      <AccordionDetails>
        <Box>
          <Typography variant="body2">
            {PILLAR_LABELS[check.pillar]} · {check.metric} · value{' '}
            {formatValue(check.value)} · {formatThresholds(check.thresholds)} ·
            score {formatScore(check.score)}
          </Typography>
          <Typography variant="body2">
            <strong>How to fix:</strong> {check.howToFix}
          </Typography>
        </Box>
      </AccordionDetails>
    </Accordion>
  );
}

function Trend(props: { trend: ScorecardWithTrend['trend'] }) {
  const { trend } = props;
  if (trend.length < 2) {
    return (
      <Typography variant="caption" component="p">
        The trend appears from the second day scored.
      </Typography>
    );
  }
  const first = trend[0];
  const last = trend[trend.length - 1];
  return (
    <Box data-testid="scorecard-trend">
      <Typography variant="subtitle2">
        Trend from {first.day} to {last.day}: {formatScore(first.score)} →{' '}
        {formatScore(last.score)}
      </Typography>
      <ScorecardTrendChart trend={trend} />
    </Box>
  );
}

function Scorecard(props: { result: ScorecardWithTrend }) {
  const { result } = props;
  const open = result.checks.filter(
    c => c.status === 'fail' || c.status === 'warn',
  );
  const notApplicable = result.checks.filter(c => c.status === 'notApplicable');
  const passing = result.checks.filter(c => c.status === 'pass').length;
  return (
    <Box mb={3} data-testid={`scorecard-${result.scorecardId}`}>
      <Box display="flex" alignItems="baseline" style={{ gap: 12 }}>
        <Typography variant="h6">{result.title}</Typography>
        <Typography variant="h4" data-testid="scorecard-grade">
          {result.grade ?? '–'}
        </Typography>
        <Typography variant="body2" data-testid="scorecard-score">
          {result.score === null
            ? 'not applicable'
            : `${formatScore(result.score)} / 100`}
        </Typography>
      </Box>
      <Typography variant="caption">As of {result.day}</Typography>
      <Grid container spacing={2}>
        {result.pillars.map(p => (
          <Grid item xs={12} sm={4} key={p.pillar}>
            <PillarGauge pillar={p} />
          </Grid>
        ))}
      </Grid>
      <Box mt={2}>
        <Trend trend={result.trend} />
      </Box>
      <Box mt={2}>
        <Typography variant="body2">
          {passing} of {result.checks.length} checks pass
        </Typography>
        {open.map(c => (
          <CheckDetails key={c.id} check={c} />
        ))}
        {notApplicable.length > 0 && (
          <Box mt={1}>
            <Typography variant="subtitle2">
              Not applicable (no data)
            </Typography>
            {notApplicable.map(c => (
              <Typography variant="body2" key={c.id}>
                {c.description} ({PILLAR_LABELS[c.pillar]}, {c.metric})
              </Typography>
            ))}
          </Box>
        )}
      </Box>
    </Box>
  );
}

/**
 * The entity's scorecards: per scorecard that applies, its grade and score, a gauge
 * per pillar, a chart of the scores over the last 90 days, and the failing and
 * warning checks with how to fix them.
 *
 * @public
 */
export function ScorecardCard() {
  const { entity } = useEntity();
  const api = useApi(finopsApiRef);
  const { kind, namespace, name } = getCompoundEntityRef(entity);
  const { value, loading, error } = useAsync(
    () => api.getScorecard({ kind, namespace, name }),
    [api, kind, namespace, name],
  );
  return (
    <InfoCard title="Scorecards">
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && value.scorecards.length === 0 && (
        <Typography variant="body2">
          No scorecard applies to this entity.
        </Typography>
      )}
      {value?.scorecards.map(s => (
        <Scorecard key={s.scorecardId} result={s} />
      ))}
    </InfoCard>
  );
}
