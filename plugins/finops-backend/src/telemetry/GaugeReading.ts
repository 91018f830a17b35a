/**
 * One value of a gauge with its attributes, as a metrics callback observes it. Absent
 * labels are left out rather than given as empty strings.
 */
export interface GaugeReading {
  value: number;
  attributes: Record<string, string>;
}

/** The team and cost center attributes of what is known of them. */
export function costLabels(labels: {
  team?: string;
  costCenter?: string;
}): Record<string, string> {
  return {
    ...(labels.team ? { team: labels.team } : {}),
    ...(labels.costCenter ? { cost_center: labels.costCenter } : {}),
  };
}
