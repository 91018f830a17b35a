const ISO_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?)?$/i;
const US_PATTERN =
  /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?)?$/i;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function offsetMinutes(zone: string | undefined): number {
  if (!zone || /^(Z|UTC)$/i.test(zone)) {
    return 0;
  }
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return (
    sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0))
  );
}

function toTime(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millisecond: number,
  offset: number,
): number | undefined {
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return undefined;
  }
  return Date.UTC(
    year,
    month - 1,
    day,
    hour,
    minute - offset,
    second,
    millisecond,
  );
}

function twelveHour(hour: number, meridiem: string | undefined): number {
  if (!meridiem) {
    return hour;
  }
  if (hour < 1 || hour > 12) {
    return 99;
  }
  return (hour % 12) + (meridiem.toUpperCase() === 'PM' ? 12 : 0);
}

/** Milliseconds of a fraction of a second written with any number of digits. */
function milliseconds(fraction: string | undefined): number {
  return fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0;
}

/**
 * The instant (milliseconds since the epoch) of a FOCUS date-time, or undefined when
 * the text is not one. Accepts ISO 8601 dates and date-times (`2024-09-01`,
 * `2024-09-01T00:00:00Z`, `2024-09-01T00:00:00.0000000Z`, `2024-09-01 00:00:00`,
 * `2024-09-01T01:30:00+02:00`, `2024-09-01 00:00:00+00`, `2024-09-01 00:00:00 UTC`)
 * and US dates as spreadsheets write them (`9/1/24`, `9/1/2024 12:00 AM`). A date or
 * time without a zone is UTC.
 */
export function parseFocusTime(text: string): number | undefined {
  const value = text.trim();
  const iso = ISO_PATTERN.exec(value);
  if (iso) {
    const [, year, month, day, hour, minute, second, fraction, zone] = iso;
    return toTime(
      Number(year),
      Number(month),
      Number(day),
      Number(hour ?? 0),
      Number(minute ?? 0),
      Number(second ?? 0),
      milliseconds(fraction),
      offsetMinutes(zone),
    );
  }
  const us = US_PATTERN.exec(value);
  if (us) {
    const [, month, day, year, hour, minute, second, meridiem] = us;
    const fullYear = year.length === 2 ? 2000 + Number(year) : Number(year);
    return toTime(
      fullYear,
      Number(month),
      Number(day),
      hour === undefined ? 0 : twelveHour(Number(hour), meridiem),
      Number(minute ?? 0),
      Number(second ?? 0),
      0,
      0,
    );
  }
  return undefined;
}

/** The UTC day (YYYY-MM-DD) of an instant in milliseconds since the epoch. */
export function utcDayOf(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * The UTC day (YYYY-MM-DD) of a FOCUS date-time, or undefined when the text is not
 * one; see {@link parseFocusTime} for the forms read.
 */
export function parseFocusDay(text: string): string | undefined {
  const time = parseFocusTime(text);
  return time === undefined ? undefined : utcDayOf(time);
}
