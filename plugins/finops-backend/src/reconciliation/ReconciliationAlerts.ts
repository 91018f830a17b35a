import { LoggerService } from '@backstage/backend-plugin-api';
import {
  DayWindow,
  FinopsAlert,
  todayUtc,
} from '@tollgate/plugin-finops-common';
import { AlertNotifier } from '../alerts/AlertNotifier';
import { AlertStore } from '../alerts/AlertStore';
import { SourceRun } from '../sources/SourceRunStore';
import { driftAlerts } from './driftAlerts';
import { ReconciliationService } from './ReconciliationService';

/** Alert keys remembered as stored before the memory is cleared. */
const MAX_KNOWN_KEYS = 100_000;

/**
 * Raises reconciliation alerts after ingestion: when a run succeeds, the days of its
 * window are judged, and each provider, model and day whose figures drift past
 * `tollgate.reconciliation.driftAlertPercent` raises one alert, once across replicas.
 * The alerts raised together of one provider and model make one notification, to the
 * webhook: a provider has no owner in the catalog.
 */
export class ReconciliationAlerts {
  private readonly known = new Set<string>();

  constructor(
    private readonly options: {
      reconciliation: ReconciliationService;
      alertStore: AlertStore;
      notifier: AlertNotifier;
      currency: string;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  /** Judges the window of a run that succeeded; never throws, a failure is logged. */
  async afterRun(
    run: Pick<SourceRun, 'status' | 'window' | 'sourceId'>,
  ): Promise<FinopsAlert[]> {
    if (run.status !== 'succeeded') {
      return [];
    }
    try {
      return await this.evaluate(run.window);
    } catch (error) {
      this.options.logger.error(
        `Could not judge reconciliation drift after ${run.sourceId} ran for ${run.window.from}..${run.window.to}: ${error}`,
      );
      return [];
    }
  }

  /** Raises the alerts of the days of a window not raised before; answers those. */
  async evaluate(window: DayWindow): Promise<FinopsAlert[]> {
    const { reconciliation, alertStore, notifier, currency } = this.options;
    const candidates = driftAlerts(await reconciliation.lines({ window }), {
      percent: reconciliation.driftAlertPercent,
      currency,
      today: todayUtc(this.options.now?.() ?? new Date()),
    }).filter(alert => !this.known.has(alert.key));
    const raised = await alertStore.raise(candidates);
    if (this.known.size > MAX_KNOWN_KEYS) {
      this.known.clear();
    }
    candidates.forEach(alert => this.known.add(alert.key));
    const byModel = new Map<string, FinopsAlert[]>();
    for (const alert of raised) {
      const key = JSON.stringify([alert.scope, alert.dimension]);
      byModel.set(key, [...(byModel.get(key) ?? []), alert]);
    }
    for (const alerts of byModel.values()) {
      await notifier.notify(together(alerts), [], '/finops');
    }
    return raised;
  }
}

/** Alerts of one provider and model on several days as one notification. */
function together(alerts: FinopsAlert[]): FinopsAlert {
  if (alerts.length === 1) {
    return alerts[0];
  }
  const [first] = alerts;
  const provider = 'provider' in first.scope ? first.scope.provider : '';
  return {
    ...first,
    title: `Reconciliation drift: ${provider} ${first.dimension} on ${alerts.length} days`,
    description: alerts.map(alert => alert.description).join(' — '),
  };
}
