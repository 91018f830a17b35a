import { InfoCard } from '@backstage/core-components';
import {
  LinearProgress,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@material-ui/core';
import { SourceStatus } from '@tollgate/plugin-finops-common';
import { AlarmChip, useAlarmStyles } from '../AlarmChip';

function stateOf(source: SourceStatus) {
  if (source.running) {
    return 'running';
  }
  return source.stale ? 'stale' : 'fresh';
}

function age(seconds?: number) {
  if (seconds === undefined) {
    return 'never succeeded';
  }
  if (seconds < 3600) {
    return `${Math.round(seconds / 60)} min ago`;
  }
  if (seconds < 172800) {
    return `${Math.round(seconds / 3600)} h ago`;
  }
  return `${Math.round(seconds / 86400)} days ago`;
}

/** How fresh each cost source's data is, and any backfill in progress. @public */
export function SourceFreshness(props: { sources: SourceStatus[] }) {
  const alarm = useAlarmStyles();
  return (
    <InfoCard title="Data freshness">
      {props.sources.length === 0 && (
        <Typography variant="body2">
          No cost sources are configured: add them under tollgate.sources in
          app-config.yaml.
        </Typography>
      )}
      <List dense>
        {props.sources.map(source => (
          <ListItem key={source.id} divider>
            <ListItemText
              // the secondary text holds a progress bar, a block
              secondaryTypographyProps={{ component: 'div' }}
              primary={
                <>
                  {source.id}{' '}
                  <AlarmChip
                    label={stateOf(source)}
                    alarm={source.stale && !source.running}
                  />
                </>
              }
              secondary={
                <>
                  Last success {age(source.staleSeconds)}
                  {source.lastError && (
                    <Typography
                      component="span"
                      variant="body2"
                      className={alarm.text}
                      display="block"
                    >
                      Last error: {source.lastError}
                    </Typography>
                  )}
                  {source.progress &&
                    source.progress.daysDone < source.progress.daysTotal && (
                      <span style={{ display: 'block' }}>
                        {source.running ? 'Backfill' : 'Last run'}:{' '}
                        {source.progress.daysDone} of{' '}
                        {source.progress.daysTotal} days
                        <LinearProgress
                          variant="determinate"
                          aria-label={`${source.id}: ${
                            source.running ? 'backfill' : 'last run'
                          } progress`}
                          value={
                            (source.progress.daysDone /
                              source.progress.daysTotal) *
                            100
                          }
                        />
                      </span>
                    )}
                </>
              }
            />
          </ListItem>
        ))}
      </List>
    </InfoCard>
  );
}
