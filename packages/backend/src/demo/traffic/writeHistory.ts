import { spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { DayPlan, genAiProviderName } from './dayPlan';
import { historyOpenMetrics } from './historyOpenMetrics';
import { historySnapshots } from './historySnapshots';
import { TrafficLedger } from './TrafficLedger';
import { TrafficRuntime } from './trafficProfiles';

/** A capability's scrape target: its `job` and `instance` labels. */
export interface ScrapeTarget {
  capability: string;
  runtime: TrafficRuntime;
  job: string;
  instance: string;
  outcomeMetric: string;
}

/**
 * Writes the planned history of every target up to `cutoff` as OpenMetrics text to
 * `file`, counting each planned request in the ledger, and returns how many lines it
 * wrote.
 */
export async function writeHistoryFile(options: {
  file: string;
  plans: Map<string, DayPlan[]>;
  targets: ScrapeTarget[];
  cutoff: number;
  ledger: TrafficLedger;
}): Promise<number> {
  const out = createWriteStream(options.file);
  let written = 0;
  for (const target of options.targets) {
    const plans = options.plans.get(target.capability) ?? [];
    const snapshots = historySnapshots(plans, options.cutoff, (plan, r) => {
      options.ledger.addRequest(
        plan.capability,
        plan.day,
        r.status,
        r.outcomes,
      );
      for (const call of r.modelCalls) {
        options.ledger.addTokens(
          plan.capability,
          plan.day,
          { provider: genAiProviderName(call.provider), model: call.model },
          call.tokens,
        );
      }
    });
    const lines = historyOpenMetrics({
      runtime: target.runtime,
      target: { job: target.job, instance: target.instance },
      outcomeMetric: target.outcomeMetric,
      snapshots,
    });
    written += lines.length;
    if (!out.write(`${lines.join('\n')}\n`)) await once(out, 'drain');
  }
  out.end('# EOF\n');
  await once(out, 'finish');
  return written;
}

/** Turns OpenMetrics text into TSDB blocks with promtool; throws with its output. */
export function createBlocks(promtool: string, file: string, dataDir: string) {
  const result = spawnSync(
    promtool,
    ['tsdb', 'create-blocks-from', 'openmetrics', '--quiet', file, dataDir],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) {
    throw new Error(
      `promtool could not backfill the demo's history: ${
        result.error?.message ?? ''
      }${result.stderr}${result.stdout}`,
    );
  }
}
