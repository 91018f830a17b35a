import { DayWindow, enumerateDays } from '@tollgate/plugin-finops-common';
import { utcDayOf } from './parseFocusDay';

const DAY_MS = 86_400_000;

/** The columns of a row that say when its charge falls. */
export interface FocusChargePeriodColumns {
  /** ChargePeriodStart, as written. */
  start: string;
  /** ChargePeriodEnd, as written; empty when the file or the row has none. */
  end: string;
  /** Whether the charge is one-time (see FocusChargePeriod.isOneTime). */
  oneTime: boolean;
}

function dayStart(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/**
 * When the amounts of a FOCUS row fall, by UTC day. FOCUS says a charge was incurred
 * over its charge period, from ChargePeriodStart (inclusive) to ChargePeriodEnd
 * (exclusive), and exports write periods of an hour, a day or a whole month. Stored
 * records are daily, so:
 *
 * - a charge incurred over time (usage, and taxes, credits and adjustments that are
 *   not one-time) is spread over the UTC days of its period, each day taking the part
 *   of the period that falls in it: a month-long row puts a 31st of its cost on each
 *   day of January, an hourly row all of it on the day of its hour. The figures then
 *   meet daily metering and budgets on the days they were incurred, and an invoice
 *   source covers every day of the month it bills;
 * - a one-time charge (ChargeFrequency `One-Time`) and a purchase (ChargeCategory
 *   `Purchase`) fall whole on the day their period starts: FOCUS's BilledCost leaves
 *   upfront charges unamortized (amortization belongs to EffectiveCost, which is 0 on
 *   a prepaid purchase), so a purchase is spent when it is made;
 * - a row without a ChargePeriodEnd falls whole on its start day.
 *
 * The parts are exact: in integer units, the parts of every day of the period add up
 * to the row's amount, so a row is never dropped nor counted twice, whichever windows
 * read it.
 */
export class FocusChargePeriod {
  private constructor(
    private readonly start: number,
    /** Exclusive; equal to start for a charge that falls whole on its start day. */
    private readonly end: number,
    /** The first UTC day with a part of the charge. */
    readonly firstDay: string,
    /** The last UTC day with a part of the charge. */
    readonly lastDay: string,
  ) {}

  /**
   * Whether a charge falls whole on its start day: a purchase (ChargeCategory
   * `Purchase`) or a one-time charge (ChargeFrequency `One-Time`).
   */
  static isOneTime(category: string, frequency: string): boolean {
    return (
      category.toLowerCase() === 'purchase' ||
      frequency.toLowerCase() === 'one-time'
    );
  }

  /**
   * Reads a row's charge period through `time` (text to milliseconds since the epoch,
   * or undefined); answers the reason when ChargePeriodStart is missing or not a
   * date, or ChargePeriodEnd is not a date or comes before the start.
   */
  static read(
    columns: FocusChargePeriodColumns,
    time: (text: string) => number | undefined,
    quote: (text: string) => string,
  ): FocusChargePeriod | { reason: string } {
    if (!columns.start) {
      return { reason: 'ChargePeriodStart is empty' };
    }
    const start = time(columns.start);
    if (start === undefined) {
      return {
        reason: `ChargePeriodStart ${quote(columns.start)} is not a date`,
      };
    }
    const end = columns.end ? time(columns.end) : start;
    if (end === undefined) {
      return { reason: `ChargePeriodEnd ${quote(columns.end)} is not a date` };
    }
    if (end < start) {
      return {
        reason: `ChargePeriodEnd ${quote(
          columns.end,
        )} is before ChargePeriodStart ${quote(columns.start)}`,
      };
    }
    const spreadEnd = columns.oneTime ? start : end;
    return new FocusChargePeriod(
      start,
      spreadEnd,
      utcDayOf(start),
      utcDayOf(spreadEnd > start ? spreadEnd - 1 : start),
    );
  }

  /** The days of the window that have a part of the charge, in order. */
  daysWithin(window: DayWindow): string[] {
    const from = this.firstDay > window.from ? this.firstDay : window.from;
    const to = this.lastDay < window.to ? this.lastDay : window.to;
    return from <= to ? enumerateDays({ from, to }) : [];
  }

  /**
   * The part of an amount (or quantity) that falls on a day: the amount times the
   * share of the period in that day, rounded so that the parts of all the days add
   * up to the amount exactly.
   */
  share(amount: bigint, day: string): bigint {
    if (this.firstDay === this.lastDay) {
      return day === this.firstDay ? amount : 0n;
    }
    const from = Math.max(dayStart(day), this.start) - this.start;
    const to = Math.min(dayStart(day) + DAY_MS, this.end) - this.start;
    if (to <= from) {
      return 0n;
    }
    // Each day takes the growth of the rounded running total: the parts telescope to
    // the whole amount.
    const total = BigInt(this.end - this.start);
    const size = amount < 0n ? -amount : amount;
    const part = (size * BigInt(to)) / total - (size * BigInt(from)) / total;
    return amount < 0n ? -part : part;
  }
}
