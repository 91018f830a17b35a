import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { ToggleButton, ToggleButtonGroup } from '@material-ui/lab';
import { ScorecardLeaderboardItem } from '@tollgate/plugin-finops-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { ScorecardGroupBy, finopsApiRef } from '../../api';
import { formatScore } from '../format';

const GROUP_BY_LABELS: Record<ScorecardGroupBy, string> = {
  team: 'Team',
  costCenter: 'Cost center',
};

/** The rows by score, the best first; rows without a score last. */
export function rankLeaderboard(
  items: ScorecardLeaderboardItem[],
): ScorecardLeaderboardItem[] {
  return [...items].sort((a, b) => {
    if (a.score === b.score) return a.key.localeCompare(b.key);
    if (a.score === null) return 1;
    if (b.score === null) return -1;
    return b.score - a.score;
  });
}

const SCORE_COLUMNS = ['Score', 'Cost', 'Risk', 'Velocity', 'Entities'];

/**
 * The mean scorecard score per team or cost center, the best first, with its grade
 * and pillar scores.
 *
 * @public
 */
export function ScorecardLeaderboardCard() {
  const api = useApi(finopsApiRef);
  const [groupBy, setGroupBy] = useState<ScorecardGroupBy>('team');
  const { value, loading, error } = useAsync(
    () => api.getScorecardLeaderboard(groupBy),
    [api, groupBy],
  );
  const rows = value ? rankLeaderboard(value.items) : [];
  return (
    <InfoCard
      title="Scorecard leaderboard"
      subheader={value?.day ? `As of ${value.day}` : undefined}
      action={
        <ToggleButtonGroup
          size="small"
          exclusive
          value={groupBy}
          onChange={(_e, v) => v && setGroupBy(v)}
          aria-label="Group by"
        >
          {(['team', 'costCenter'] as const).map(g => (
            <ToggleButton key={g} value={g}>
              {GROUP_BY_LABELS[g]}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      }
    >
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && rows.length === 0 && (
        <Typography variant="body2">No entity has a scorecard yet.</Typography>
      )}
      {!loading && rows.length > 0 && (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>Rank</TableCell>
              <TableCell>{GROUP_BY_LABELS[groupBy]}</TableCell>
              <TableCell>Grade</TableCell>
              {SCORE_COLUMNS.map(c => (
                <TableCell key={c} align="right">
                  {c}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row, index) => (
              <TableRow key={row.key}>
                <TableCell>{row.score === null ? '–' : index + 1}</TableCell>
                <TableCell>{row.key}</TableCell>
                <TableCell>{row.grade ?? '–'}</TableCell>
                <TableCell align="right">{formatScore(row.score)}</TableCell>
                <TableCell align="right">
                  {formatScore(row.pillars.cost)}
                </TableCell>
                <TableCell align="right">
                  {formatScore(row.pillars.risk)}
                </TableCell>
                <TableCell align="right">
                  {formatScore(row.pillars.velocity)}
                </TableCell>
                <TableCell align="right">{row.entities}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
