import { Grid, Typography } from '@material-ui/core';
import { EntityMeteringResponse } from '@tollgate/plugin-finops-common';
import { formatMoney, formatQuantity } from '../format';
import { MeteredSpendTable } from './MeteredSpendTable';
import { NoMetering } from './NoMetering';
import { OpenReservationsTable } from './OpenReservationsTable';
import { SpendRateLimit } from './SpendRateLimit';

function plural(count: number, one: string, many: string) {
  return `${formatQuantity(String(count))} ${count === 1 ? one : many}`;
}

/** Today's metered spend, its splits, the open reservations and the spend-rate limit. */
export function MeteringDetails(props: { data: EntityMeteringResponse }) {
  const { today, reservations, spendRateLimit, currency } = props.data;
  const money = (amount: string) => formatMoney(amount, currency);
  const empty = today.events === 0 && reservations.count === 0;
  return (
    <Grid container spacing={2}>
      {empty ? (
        <Grid item xs={12}>
          <NoMetering />
        </Grid>
      ) : (
        <>
          <Grid item xs={12} sm={6}>
            <Typography variant="h4" data-testid="metering-total">
              {money(today.total)}
            </Typography>
            <Typography variant="body2" data-testid="metering-events">
              metered today in {plural(today.events, 'event', 'events')}
            </Typography>
          </Grid>
          <Grid item xs={12} sm={6}>
            <Typography variant="h4" data-testid="metering-reserved">
              {money(reservations.total)}
            </Typography>
            <Typography variant="body2" data-testid="metering-reservations">
              held by{' '}
              {plural(
                reservations.count,
                'open reservation',
                'open reservations',
              )}
            </Typography>
          </Grid>
        </>
      )}
      {spendRateLimit && (
        <Grid item xs={12}>
          <SpendRateLimit status={spendRateLimit} currency={currency} />
        </Grid>
      )}
      {today.events > 0 && (
        <>
          <Grid item xs={12} md={6}>
            <MeteredSpendTable
              title="Today by model"
              keyTitle="Model"
              items={today.byModel}
              total={today.total}
              currency={currency}
            />
          </Grid>
          <Grid item xs={12} md={6}>
            <MeteredSpendTable
              title="Today by agent"
              keyTitle="Agent"
              items={today.byAgent}
              total={today.total}
              currency={currency}
            />
          </Grid>
        </>
      )}
      {reservations.open.length > 0 && (
        <Grid item xs={12}>
          <OpenReservationsTable
            open={reservations.open}
            count={reservations.count}
          />
        </Grid>
      )}
    </Grid>
  );
}
