import {
  RECONCILIATION_FIGURES,
  ReconciliationFigureName,
  addDays,
  formatCents,
} from '@tollgate/plugin-finops-common';
import { NewAlert } from '../alerts/AlertStore';
import {
  FigureSet,
  combineFigures,
  driftPasses,
  driftPercent,
} from './figureSums';
import { TableLine } from './FigureTable';

/** Days a reconciliation alert stays current after it is raised. */
const ALERT_DAYS = 7;

const NAMES: Record<ReconciliationFigureName, string> = {
  invoice: 'the invoice',
  vendorCost: "the vendor's cost API",
  vendorUsage: 'vendor usage',
  metered: 'metered usage',
};

/**
 * The alerts that drift calls for: per provider, model and day, the token types of the
 * day together, each figure against the reference (the invoice, else the highest
 * authority present) where its drift passes `percent` of it. Keyed by provider, model
 * and day: a day's drift raises one alert, however often it is judged.
 */
export function driftAlerts(
  lines: TableLine[],
  options: { percent: number; currency: string; today: string },
): NewAlert[] {
  const byModelDay = new Map<
    string,
    { provider: string; model: string; day: string; sets: FigureSet[] }
  >();
  for (const line of lines) {
    for (const [day, set] of line.days) {
      const key = JSON.stringify([line.provider, line.model, day]);
      const entry = byModelDay.get(key) ?? {
        provider: line.provider,
        model: line.model,
        day,
        sets: [],
      };
      entry.sets.push(set);
      byModelDay.set(key, entry);
    }
  }
  const alerts: NewAlert[] = [];
  for (const { provider, model, day, sets } of byModelDay.values()) {
    const { reference, drift } = combineFigures(sets);
    const passing = RECONCILIATION_FIGURES.filter(
      name => drift[name] && driftPasses(drift[name]!, options.percent),
    );
    if (!reference || !passing.length) continue;
    const money = (micros: bigint) =>
      `${formatCents(micros)} ${options.currency}`;
    const words = passing.map(name => {
      const { amount, base } = drift[name]!;
      const percent = Math.abs(driftPercent(drift[name]!) ?? 0);
      return `${NAMES[name]} ${money(base + amount)} is ${percent}% ${
        amount > 0n ? 'above' : 'below'
      } ${NAMES[reference]}'s ${money(base)}`;
    });
    alerts.push({
      key: `reconciliation:${provider}:${model}:${day}`,
      kind: 'reconciliation',
      scope: { provider },
      periodStart: day,
      periodEnd: addDays(options.today, ALERT_DAYS),
      dimension: model,
      title: `Reconciliation drift: ${provider} ${model} on ${day}`,
      description: `${provider} ${model} on ${day}: ${words.join(
        '; ',
      )}, past the alert threshold of ${options.percent}%`,
    });
  }
  return alerts;
}
