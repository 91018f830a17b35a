/** Cost per day of rows with a day and a cost, days in the order first met. */
export function sumCostByDay(
  rows: Iterable<{ day: string; costMicros: bigint }>,
): Map<string, bigint> {
  const byDay = new Map<string, bigint>();
  for (const row of rows) {
    byDay.set(row.day, (byDay.get(row.day) ?? 0n) + row.costMicros);
  }
  return byDay;
}
