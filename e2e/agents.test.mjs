import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, SCREENSHOTS, openBrowser, reloadUntil } from './browser.mjs';

// The figures the Cost tab shows are compared with what the backend's HTTP API answers,
// read with the demo's static external access token (app-config.yaml).
const API_URL =
  process.env.TOLLGATE_E2E_API_URL ?? 'http://localhost:7007/api/finops';
const TOKEN =
  process.env.TOLLGATE_E2E_TOKEN ?? 'tollgate-demo-gateway-token-7f3a9c';
// The demo's FOCUS export names triage-agent in the Tags of ticket-triage's AI rows
// (packages/backend/src/demo/demoFocus.ts); its Twilio calls name no agent, and are
// not model tokens: the API keys them (API calls), marked outside.
const ENTITY_PATH = 'catalog/default/component/ticket-triage';
const AGENT = 'triage-agent';
const DAY_MS = 86_400_000;

/** The Cost tab's default period: the last 30 days, today (UTC) included. */
function last30Days() {
  const now = Date.now();
  const day = ms => new Date(ms).toISOString().slice(0, 10);
  return { from: day(now - 29 * DAY_MS), to: day(now) };
}

/** ticket-triage's spend by agent as the API answers it now; undefined until it answers. */
async function spendByAgent() {
  const { from, to } = last30Days();
  try {
    const response = await fetch(
      `${API_URL}/v1/entities/component/default/ticket-triage/cost?from=${from}&to=${to}&groupBy=agent`,
      { headers: { Authorization: `Bearer ${TOKEN}` } },
    );
    return response.ok ? await response.json() : undefined;
  } catch {
    return undefined;
  }
}

/** The dollars of a text such as "$4.50" or "$1,204.0045". */
function dollars(text) {
  return Number(text.replace(/[$,]/g, ''));
}

/** Exact micro-units of the API's decimal text, such as "1204.0045". */
function micros(text) {
  const [whole, fraction = ''] = text.split('.');
  return BigInt(whole) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
}

test('the Cost tab splits a capability’s spend by the agents its FOCUS rows name, as the API does', async () => {
  const { browser, page } = await openBrowser();
  try {
    await page.goto(`${BASE_URL}/${ENTITY_PATH}/cost`);
    const table = page.getByRole('table', { name: 'Spend by agent' });
    const agentRow = table.getByRole('row').filter({ hasText: AGENT });
    // Ingestion runs in the background after start, a window at a time: wait until
    // the card shows the agent with the figure the API answers at that moment.
    let answer;
    let shown;
    const agrees = async () => {
      if (!(await agentRow.isVisible())) return false;
      answer = await spendByAgent();
      const item = answer?.breakdown.find(i => i.key === AGENT);
      shown = await agentRow.getByRole('cell').nth(2).innerText();
      return (
        item !== undefined &&
        Math.abs(dollars(shown) - Number(item.cost)) < 0.01
      );
    };
    assert.ok(
      await reloadUntil(page, agrees),
      `the card shows ${shown} for ${AGENT}, the API ${JSON.stringify(
        answer?.breakdown,
      )}`,
    );
    const item = answer.breakdown.find(i => i.key === AGENT);
    assert.ok(Number(item.cost) > 0, `${AGENT} spent ${item.cost}`);
    assert.equal(await agentRow.getByRole('cell').first().innerText(), AGENT);
    // ticket-triage's Twilio calls (FOCUS rows of an API operation, not model tokens)
    // are no agent's: one line named by what they are, after the agents, and the lines
    // add up.
    const twilio = answer.breakdown.find(i => i.key === '(API calls)');
    assert.equal(twilio?.outside, 'apiCalls', JSON.stringify(answer.breakdown));
    const names = await table.getByRole('row').allInnerTexts();
    const agentAt = names.findIndex(text => text.startsWith(AGENT));
    const twilioAt = names.findIndex(text => text.startsWith('API calls'));
    assert.ok(
      agentAt > 0 && twilioAt > agentAt,
      `rows: ${JSON.stringify(names)}`,
    );
    const sum = answer.breakdown.reduce(
      (total, i) => total + micros(i.cost),
      0n,
    );
    assert.equal(sum, micros(answer.total));
    assert.match(
      await agentRow.getByRole('cell').nth(3).innerText(),
      /^\d{1,3}\.\d%$/,
    );
    await table.scrollIntoViewIfNeeded();
    await page.screenshot({
      path: `${SCREENSHOTS}agents-card.png`,
      fullPage: true,
    });
  } finally {
    await browser.close();
  }
});
