import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL,
  SCREENSHOTS,
  openBrowser,
  readmeScreenshot,
  reloadUntil,
} from './browser.mjs';

// The demo's traffic simulator (packages/backend/src/demo/traffic) counts what it did:
// the requests it sent to each capability's instrumented process and how they were
// answered, the outcomes they counted and the tokens the vendors reported. Its
// Prometheus holds the same history, which the demo's Prometheus source ingests.
// Yesterday is a whole day, backfilled or live: its figures are final.
const BACKEND_URL =
  process.env.TOLLGATE_E2E_BACKEND_URL ?? 'http://localhost:7007';
const LEDGER_URL =
  process.env.TOLLGATE_E2E_LEDGER_URL ?? 'http://127.0.0.1:9300/ledger';
const DAY_MS = 86_400_000;
const TOKEN_TYPES = {
  input: 'input',
  output: 'output',
  cache_read: 'cache-read',
  cache_creation: 'cache-write',
};

/** A guest's Backstage token, as the app signs in. */
async function guestToken() {
  const response = await fetch(`${BACKEND_URL}/api/auth/guest/refresh`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
  });
  return (await response.json()).backstageIdentity.token;
}

async function api(token, path) {
  const response = await fetch(`${BACKEND_URL}/api/finops${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!response.ok) {
    throw new Error(
      `${path} answered ${response.status}: ${await response.text()}`,
    );
  }
  return response.json();
}

function dayBefore(day) {
  return new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS)
    .toISOString()
    .slice(0, 10);
}

/** Exact micro-units of a decimal text. */
function micros(text) {
  const [whole, fraction = ''] = String(text).split('.');
  const sign = whole.startsWith('-') ? -1n : 1n;
  return (
    BigInt(whole) * 1_000_000n +
    sign * BigInt(fraction.padEnd(6, '0').slice(0, 6) || '0')
  );
}

/** tokens × price per million, in exact micro-units (rounded half up). */
function tokenCostMicros(tokens, pricePerMillion) {
  const priceMicros = micros(pricePerMillion);
  return (BigInt(tokens) * priceMicros + 500_000n) / 1_000_000n;
}

function withinOnePercent(actual, expected) {
  return Math.abs(actual - expected) <= Math.max(0.01 * expected, 0);
}

/** Waits until the Prometheus source has ingested yesterday for the capability. */
async function unitCostOfDay(token, capability, day) {
  const path = `/v1/entities/component/default/${capability}/unit-cost?from=${day}&to=${day}`;
  const deadline = Date.now() + 8 * 60_000;
  for (;;) {
    const answer = await api(token, path);
    if (answer.daily[0]?.requests > 0 || Date.now() > deadline) return answer;
    await new Promise(resolve => setTimeout(resolve, 5000));
  }
}

test("the simulator's own count of yesterday equals what the API behind the Cost tab and the scorecard says", async () => {
  const ledger = await (await fetch(LEDGER_URL)).json();
  const token = await guestToken();
  const capabilities = Object.keys(ledger);
  assert.ok(capabilities.length >= 3, `ledger of ${capabilities.join(', ')}`);
  // The Naftiko capability, read under the Naftiko engine's metric names.
  assert.ok(
    capabilities.includes('support-triage'),
    `ledger of ${capabilities.join(', ')}`,
  );
  const today = new Date().toISOString().slice(0, 10);
  const yesterday = dayBefore(today);
  const prices = new Map();
  for (const capability of capabilities) {
    const counted = ledger[capability][yesterday];
    assert.ok(counted?.requests > 0, `${capability} sent nothing yesterday`);

    const unitCost = await unitCostOfDay(token, capability, yesterday);
    const shown = unitCost.daily[0];
    assert.ok(
      withinOnePercent(shown.requests, counted.requests),
      `${capability}: ${shown.requests} requests shown, ${counted.requests} sent`,
    );
    assert.ok(
      withinOnePercent(shown.outcomes, counted.outcomes),
      `${capability}: ${shown.outcomes} outcomes shown, ${counted.outcomes} counted`,
    );

    // Token spend: the simulator's tokens priced by the price book, to the cent.
    let expected = 0n;
    for (const [provider, models] of Object.entries(counted.tokens)) {
      for (const [model, byType] of Object.entries(models)) {
        const key = `${provider}/${model}`;
        if (!prices.has(key)) {
          prices.set(
            key,
            await api(
              token,
              `/v1/prices/models?provider=${provider}&model=${model}`,
            ),
          );
        }
        const perMillion = prices.get(key).perMillionTokens;
        for (const [type, tokens] of Object.entries(byType)) {
          if (tokens === 0) continue;
          const price = perMillion[TOKEN_TYPES[type]];
          assert.ok(price, `no price of ${key} ${type}`);
          expected += tokenCostMicros(tokens, price);
        }
      }
    }
    const cost = await api(
      token,
      `/v1/entities/component/default/${capability}/cost?from=${yesterday}&to=${yesterday}&groupBy=tokenType`,
    );
    const tokenSpend = cost.breakdown
      .filter(line => !line.outside)
      .reduce((sum, line) => sum + micros(line.cost), 0n);
    const diff =
      tokenSpend > expected ? tokenSpend - expected : expected - tokenSpend;
    assert.ok(
      diff < 10_000n,
      `${capability}: token spend ${tokenSpend} µUSD shown, ${expected} µUSD counted`,
    );

    // Errors: the scorecard's share of server errors over its last 7 days.
    const { scorecards } = await api(
      token,
      `/v1/entities/component/default/${capability}/scorecard`,
    );
    const card = scorecards.find(s => s.scorecardId === 'capability-health');
    const errors = card.checks.find(c => c.metric === 'error-rate');
    let sent = 0;
    let failed = 0;
    for (let day = card.day, i = 0; i < 7; i++, day = dayBefore(day)) {
      sent += ledger[capability][day]?.requests ?? 0;
      failed += ledger[capability][day]?.serverErrors ?? 0;
    }
    // Within 1 percent. Today is counted by the simulator up to now, by the source up
    // to its last run: today's errors may be missing from what is shown, no more.
    const today = ledger[capability][card.day]?.serverErrors ?? 0;
    assert.ok(
      Math.abs(errors.value - failed / sent) <=
        0.01 * (failed / sent) + (today + 1) / sent,
      `${capability}: error rate ${errors.value} shown, ${failed}/${sent} counted (${today} today)`,
    );
    assert.deepEqual(
      card.checks.filter(c => c.status === 'notApplicable').map(c => c.id),
      [],
      `${capability} has checks without data`,
    );
  }
});

test('support-summarizer’s Cost tab shows its scorecard’s Risk and Velocity with values, and its cost per outcome', async () => {
  const { browser, page } = await openBrowser();
  try {
    await page.goto(
      `${BASE_URL}/catalog/default/component/support-summarizer/cost`,
    );
    const card = page.getByTestId('scorecard-capability-health');
    await reloadUntil(page, () => card.isVisible());
    for (const pillar of ['risk', 'velocity']) {
      assert.match(
        await card.getByTestId(`scorecard-pillar-${pillar}`).innerText(),
        /\d+(\.\d)? \([A-F]\)/,
        `the ${pillar} pillar has no score`,
      );
    }
    assert.equal(
      await card.getByText('Not applicable (no data)').count(),
      0,
      'a check of support-summarizer has no data',
    );
    const perOutcome = page.getByTestId('unit-cost-per-outcome');
    await reloadUntil(page, () => perOutcome.isVisible());
    assert.match(await perOutcome.innerText(), /^\$\d/);
    await page
      .getByText(/^per summary: \$[\d,.]+ for [\d,]+ outcomes/)
      .waitFor();
    await page.getByTestId('unit-cost-per-1k-requests').waitFor();
    await page.screenshot({
      path: `${SCREENSHOTS}traffic-cost-tab.png`,
      fullPage: true,
    });
    await readmeScreenshot(page, 'cost-tab.png');
  } finally {
    await browser.close();
  }
});

test('a runaway agent calling through the guardrail client is stopped by its spend-rate limit, and every call it made is metered', async () => {
  const runawayUrl = LEDGER_URL.replace(/\/ledger$/, '/runaway');
  let episode;
  const deadline = Date.now() + 8 * 60_000;
  do {
    episode = await (await fetch(runawayUrl)).json();
    if (episode.state === 'stopped') break;
    await new Promise(resolve => setTimeout(resolve, 5000));
  } while (Date.now() < deadline);
  assert.equal(episode.state, 'stopped', JSON.stringify(episode));
  const denial = JSON.parse(episode.outcome.denial);
  assert.equal(denial.decision, 'deny');
  assert.match(denial.reason, /spend-rate limit of 20\.00 USD\/hour/);
  const token = await guestToken();
  const metering = await api(
    token,
    `/v1/entities/component/default/${episode.capability}/metering`,
  );
  const agent = metering.today.byAgent.find(a => a.key === episode.agentId);
  assert.equal(agent?.events, episode.outcome.calls, JSON.stringify(metering));
  assert.ok(
    micros(metering.spendRateLimit.spent) <= 20_000_000n,
    `spent ${metering.spendRateLimit.spent} in the hour`,
  );
});

test('the API a capability consumes shows its consumers’ calls and how often it pushed back', async () => {
  const { browser, page } = await openBrowser();
  try {
    await page.goto(`${BASE_URL}/catalog/default/api/anthropic-api/cost`);
    const table = page.getByRole('table', { name: 'Calls by consumer' });
    const triage = table.getByRole('row').filter({ hasText: 'ticket-triage' });
    assert.ok(
      await reloadUntil(page, () => triage.isVisible()),
      'anthropic-api lists no calls of ticket-triage',
    );
    // ticket-triage's planned 429s and 503s: about 2.2 % of its model calls.
    const cells = await triage.getByRole('cell').allInnerTexts();
    assert.ok(
      cells.some(text => /^[1-9][\d.]* ?%/.test(text.trim())),
      `ticket-triage's row: ${JSON.stringify(cells)}`,
    );
    await page.screenshot({
      path: `${SCREENSHOTS}upstream-pressure.png`,
      fullPage: true,
    });
  } finally {
    await browser.close();
  }
});
