import {
  RECONCILIATION_FIGURES,
  ReconciliationFigure,
  ReconciliationFigureName,
  ReconciliationFigures,
  formatMicros,
  formatQuantity,
} from '@tollgate/plugin-finops-common';
import {
  CombinedFigures,
  FigureSum,
  driftPercent,
  hasCost,
} from './figureSums';

/** A figure as the API answers it: exact decimal text. */
function figureJson(
  name: ReconciliationFigureName,
  sum: FigureSum,
): ReconciliationFigure {
  return {
    ...(sum.quantity === undefined
      ? {}
      : { quantity: formatQuantity(sum.quantity) }),
    ...(hasCost(name, sum) ? { cost: formatMicros(sum.cost) } : {}),
    ...(sum.unpriced > 0n
      ? { unpricedQuantity: formatQuantity(sum.unpriced) }
      : {}),
  };
}

/** Combined figures as the API answers them. */
export function figuresJson(combined: CombinedFigures): ReconciliationFigures {
  const json: ReconciliationFigures = { drift: {} };
  for (const name of RECONCILIATION_FIGURES) {
    const sum = combined.sums[name];
    if (sum) {
      json[name] = figureJson(name, sum);
    }
    const drift = combined.drift[name];
    if (drift) {
      json.drift[name] = {
        amount: formatMicros(drift.amount),
        percent: driftPercent(drift),
      };
    }
  }
  if (combined.reference) {
    json.reference = combined.reference;
  }
  return json;
}
