import { Box, Typography, makeStyles } from '@material-ui/core';
import { formatPercent } from '../format';

const useStyles = makeStyles(theme => ({
  track: {
    position: 'relative',
    height: (props: { compact: boolean }) => (props.compact ? 6 : 14),
    borderRadius: 4,
    backgroundColor: theme.palette.action.hover,
    overflow: 'visible',
  },
  fill: {
    position: 'absolute',
    top: 0,
    bottom: 0,
    left: 0,
    borderRadius: 4,
  },
  forecast: { opacity: 0.35 },
  marker: {
    position: 'absolute',
    top: -3,
    bottom: -3,
    width: 2,
    marginLeft: -1,
    backgroundColor: theme.palette.text.primary,
  },
  labels: { position: 'relative', height: 18 },
  label: {
    position: 'absolute',
    transform: 'translateX(-50%)',
    whiteSpace: 'nowrap',
  },
}));

/** The colour of the spend bar: red at or over 100%, amber past the top threshold below it. */
function colourOf(utilization: number, thresholds: number[]) {
  const warning = Math.max(0, ...thresholds.filter(t => t < 100));
  if (utilization >= 100) {
    return 'error.main';
  }
  if (warning > 0 && utilization >= warning) {
    return 'warning.main';
  }
  return 'primary.main';
}

/**
 * How much of a budget is spent (solid) and forecast to be spent by the end of the
 * period (light), with a mark at each alert threshold.
 *
 * @public
 */
export function BudgetGauge(props: {
  utilization: number;
  forecastUtilization: number;
  thresholds: number[];
  /** A thin bar without threshold labels, for lists. */
  compact?: boolean;
}) {
  const { utilization, forecastUtilization, thresholds } = props;
  const compact = props.compact ?? false;
  const classes = useStyles({ compact });
  const scale = Math.max(100, ...thresholds);
  const at = (value: number) =>
    `${(Math.min(Math.max(value, 0), scale) / scale) * 100}%`;
  const colour = colourOf(utilization, thresholds);
  return (
    <Box>
      <Box
        className={classes.track}
        role="meter"
        aria-label={`${formatPercent(utilization)} spent, ${formatPercent(
          forecastUtilization,
        )} forecast`}
        aria-valuemin={0}
        aria-valuemax={scale}
        aria-valuenow={utilization}
      >
        <Box
          className={`${classes.fill} ${classes.forecast}`}
          bgcolor={colourOf(forecastUtilization, thresholds)}
          style={{ width: at(forecastUtilization) }}
        />
        <Box
          className={classes.fill}
          bgcolor={colour}
          style={{ width: at(utilization) }}
        />
        {thresholds.map(t => (
          <span
            key={t}
            className={classes.marker}
            style={{ left: at(t) }}
            title={`Alert at ${t}%`}
          />
        ))}
      </Box>
      {!compact && (
        <Box className={classes.labels}>
          {thresholds.map(t => (
            <Typography
              key={t}
              variant="caption"
              color="textSecondary"
              className={classes.label}
              style={{ left: at(t) }}
            >
              {t}%
            </Typography>
          ))}
        </Box>
      )}
    </Box>
  );
}
