import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { Box, Typography } from '@material-ui/core';
import {
  METERING_REFRESH_MS,
  useEntityMetering,
} from '../../hooks/useEntityMetering';
import { errorMessage } from '../errorMessage';
import { formatClock } from '../format';
import { MeteringDetails } from './MeteringDetails';
import { useAlarmStyles } from '../AlarmChip';

/**
 * Usage reported today as it happens: the total and its events, split by model and by
 * agent, the reservations holding budget and the spend-rate limit. Reads itself again
 * every `refreshMs` (10 s by default) without clearing what it shows.
 */
export function LiveMeteringCard(props: {
  entity: CompoundEntityRef;
  refreshMs?: number;
}) {
  const alarm = useAlarmStyles();
  const refreshMs = props.refreshMs ?? METERING_REFRESH_MS;
  const { value, error, loading } = useEntityMetering(props.entity, refreshMs);
  const every = Math.max(1, Math.round(refreshMs / 1000));
  return (
    <InfoCard
      title="Live metering"
      subheader={
        value
          ? `Today, ${value.day} (UTC), as of ${formatClock(
              value.asOf,
            )}; refreshed every ${every} s`
          : undefined
      }
    >
      <Box data-testid="live-metering-card">
        {loading && <Progress />}
        {error && !value && <ResponseErrorPanel error={error} />}
        {value && <MeteringDetails data={value} />}
        {error && value && (
          <Typography variant="caption" className={alarm.text} display="block">
            Could not refresh: {errorMessage(error)}. The figures are those of{' '}
            {formatClock(value.asOf)}.
          </Typography>
        )}
      </Box>
    </InfoCard>
  );
}
