import { test } from 'node:test';
import assert from 'node:assert/strict';

const METRICS_URL =
  process.env.TOLLGATE_E2E_METRICS_URL ?? 'http://localhost:9464/metrics';

/** The value of the first sample of a metric whose labels include all of `labels`. */
function sample(text, name, labels) {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const labelText = line.slice(name.length + 1, line.lastIndexOf('}'));
    if (labels.every(label => labelText.includes(label))) {
      return Number(
        line
          .slice(line.lastIndexOf('}') + 1)
          .trim()
          .split(' ')[0],
      );
    }
  }
  return undefined;
}

test('the demo backend exports budget utilization to Prometheus', async () => {
  const labels = [
    'scope="entity"',
    'entity="component:default/ticket-triage"',
    'enforcement="hard"',
  ];
  let utilization;
  let text = '';
  let lastError = '';
  // The first snapshot follows the first ingestion. Until it comes, and while the
  // exporter does not answer, the endpoint is asked again every 2 s for 2 minutes.
  const deadline = Date.now() + 120_000;
  while (!(utilization > 0) && Date.now() < deadline) {
    try {
      text = await (await fetch(METRICS_URL)).text();
      utilization = sample(text, 'tollgate_budget_utilization', labels);
    } catch (error) {
      lastError = `${error.message}: ${error.cause?.message ?? error.cause}`;
    }
    if (!(utilization > 0)) await new Promise(r => setTimeout(r, 2000));
  }
  assert.ok(
    utilization > 0,
    `No tollgate_budget_utilization for ticket-triage at ${METRICS_URL} (last error: ${
      lastError || 'none'
    }) in:\n${text.slice(0, 2000)}`,
  );
  const spend = sample(text, 'tollgate_budget_spend', labels);
  assert.ok(spend > 0, 'No tollgate_budget_spend for ticket-triage');
  // Spend over the 800 USD budget, to the six decimals the gauge carries.
  assert.ok(Math.abs(utilization - spend / 800) < 1e-5);
});
