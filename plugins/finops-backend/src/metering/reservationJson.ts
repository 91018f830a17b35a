import { formatMicros } from '@tollgate/plugin-finops-common';
import { Reservation } from './DatabaseMeteringStore';

/** A reservation as the API and the actions answer it, money as decimal text. */
export function reservationJson(reservation: Reservation) {
  const { amountMicros, committedMicros, ...rest } = reservation;
  return {
    ...rest,
    amount: formatMicros(amountMicros),
    ...(committedMicros !== undefined
      ? { committed: formatMicros(committedMicros) }
      : {}),
  };
}
