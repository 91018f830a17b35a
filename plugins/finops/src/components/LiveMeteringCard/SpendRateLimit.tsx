import { Box, Typography, makeStyles } from '@material-ui/core';
import { SpendRateLimitStatus } from '@tollgate/plugin-finops-common';
import { formatMoney, formatPercent } from '../format';
import { AlarmChip } from '../AlarmChip';

const useStyles = makeStyles(theme => ({
  track: {
    position: 'relative',
    height: 10,
    borderRadius: 4,
    margin: theme.spacing(0.5, 0),
    backgroundColor: theme.palette.action.hover,
    overflow: 'hidden',
  },
  fill: { position: 'absolute', top: 0, bottom: 0, left: 0, borderRadius: 4 },
}));

/** Red at or past the limit, amber from 80%. */
function colourOf(utilization: number) {
  if (utilization >= 100) return 'error.main';
  if (utilization >= 80) return 'warning.main';
  return 'primary.main';
}

/** A spend-rate limit: what its trailing window has taken, reserved and left. */
export function SpendRateLimit(props: {
  status: SpendRateLimitStatus;
  currency: string;
}) {
  const { status, currency } = props;
  const classes = useStyles();
  const money = (amount: string) => formatMoney(amount, currency);
  return (
    <Box data-testid="spend-rate-limit">
      <Typography variant="subtitle2">
        Spend-rate limit {status.limit}
        {status.scope && 'team' in status.scope
          ? ` of team ${status.scope.team}`
          : ''}{' '}
        <AlarmChip
          label={status.enforcement}
          alarm={status.enforcement === 'hard'}
        />
      </Typography>
      <Typography variant="body2" data-testid="spend-rate-used">
        {money(status.spent)} spent + {money(status.reserved)} reserved in the
        trailing {status.per}: {formatPercent(status.utilization)}
      </Typography>
      <Box
        className={classes.track}
        role="meter"
        aria-label={`${formatPercent(
          status.utilization,
        )} of the spend-rate limit`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={status.utilization}
      >
        <Box
          className={classes.fill}
          bgcolor={colourOf(status.utilization)}
          style={{
            width: `${Math.min(Math.max(status.utilization, 0), 100)}%`,
          }}
        />
      </Box>
      <Typography variant="body2" data-testid="spend-rate-remaining">
        {money(status.remaining)} remaining;{' '}
        {status.enforcement === 'hard'
          ? 'past the limit reservations are denied'
          : 'past the limit reservations are warned (advisory)'}
      </Typography>
    </Box>
  );
}
