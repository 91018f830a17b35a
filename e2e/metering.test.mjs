import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, SCREENSHOTS, openBrowser, reloadUntil } from './browser.mjs';

// Usage reported and budget reserved through the demo backend's HTTP API, as a
// gateway would, with the demo's static external access token (app-config.yaml).
const API_URL =
  process.env.TOLLGATE_E2E_API_URL ?? 'http://localhost:7007/api/finops';
const TOKEN =
  process.env.TOLLGATE_E2E_TOKEN ?? 'tollgate-demo-gateway-token-7f3a9c';
// No other journey asserts store-locator's figures.
const ENTITY_REF = 'component:default/store-locator';
const ENTITY_PATH = 'catalog/default/component/store-locator';
// Unique per run, so that running the journey again against the same demo reports
// new events rather than duplicates.
const RUN = `${Date.now().toString(36)}${Math.random()
  .toString(36)
  .slice(2, 6)}`;
const AGENT = `locator-agent-${RUN}`;
const SESSION = `locator-session-${RUN}`;
const CAPPED_SESSION = `locator-capped-session-${RUN}`;
const EVENTS = 10;

async function call(method, path, body) {
  const response = await fetch(`${API_URL}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${TOKEN}`,
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/**
 * Calls until the answer is not 404 or 503 and the backend answers at all: the budget
 * snapshot that reservations and the metering route read is built after the first
 * ingestion.
 */
async function callWhenReady(method, path, body, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let answer;
    try {
      answer = await call(method, path, body);
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    if (
      answer &&
      (![404, 503].includes(answer.status) || Date.now() > deadline)
    ) {
      return answer;
    }
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
}

/** The dollars of a text such as "$4.50" or "$1,204.0045". */
function dollars(text) {
  return Number(text.replace(/[$,]/g, ''));
}

test('usage reported and reservations made through the API show on the Cost tab and the FinOps page', async () => {
  const now = Date.now();
  const events = Array.from({ length: EVENTS }, (_, i) => ({
    id: `e2e-metering-${RUN}-${i}`,
    timestamp: new Date(now - (EVENTS - i) * 1000).toISOString(),
    entityRef: ENTITY_REF,
    provider: 'openai',
    model: 'gpt-4o',
    tokens: { input: 100_000, output: 20_000 },
    agentId: AGENT,
    sessionId: SESSION,
  }));
  // Reserve first: it answers 404 until the budget snapshot knows the entity.
  const reservation = await callWhenReady(
    'POST',
    '/v1/guardrails/reservations',
    {
      entityRef: ENTITY_REF,
      estimatedCost: '0.50',
      agentId: AGENT,
      sessionId: SESSION,
      ttlSeconds: 600,
    },
  );
  assert.ok(
    reservation.status >= 200 && reservation.status < 300,
    `POST /v1/guardrails/reservations answered ${
      reservation.status
    }: ${JSON.stringify(reservation.body)}`,
  );
  assert.notEqual(reservation.body.decision, 'deny');
  assert.ok(reservation.body.reservationId, 'the reservation has an id');

  const report = await callWhenReady('POST', '/v1/usage', { events });
  assert.ok(
    report.status >= 200 && report.status < 300,
    `POST /v1/usage answered ${report.status}: ${JSON.stringify(report.body)}`,
  );

  // A session capped below its estimate is denied: the FinOps page counts the denial.
  const capped = await call('POST', '/v1/guardrails/reservations', {
    entityRef: ENTITY_REF,
    estimatedCost: '0.50',
    agentId: AGENT,
    sessionId: CAPPED_SESSION,
    maxSessionCost: '0.10',
    ttlSeconds: 60,
  });
  assert.equal(capped.body?.decision, 'deny', JSON.stringify(capped.body));

  // What the backend says now; the card must show the same.
  const metering = await callWhenReady(
    'GET',
    `/v1/entities/component/default/store-locator/metering`,
  );
  assert.equal(metering.status, 200, JSON.stringify(metering.body));
  const { today, reservations } = metering.body;
  assert.ok(today.events >= EVENTS, `${today.events} events metered today`);
  // 100,000 input and 20,000 output tokens of gpt-4o: 0.25 + 0.20 USD per event.
  assert.ok(Number(today.total) >= 4.5, `${today.total} metered today`);
  assert.ok(
    reservations.open.some(r => r.sessionId === SESSION),
    'the reservation is open',
  );
  // store-locator declares tollgate.dev/spend-rate-limit: 25 USD/hour (advisory)
  assert.equal(metering.body.spendRateLimit?.limit, '25.00 USD/hour');

  const { browser, page } = await openBrowser();
  try {
    await page.goto(`${BASE_URL}/${ENTITY_PATH}/cost`);
    const card = page.getByTestId('live-metering-card');
    const total = card.getByTestId('metering-total');
    await reloadUntil(page, () => total.isVisible());
    const shown = await total.innerText();
    assert.match(shown, /^\$[\d,]+\.\d{2,4}$/);
    assert.ok(
      Math.abs(dollars(shown) - Number(today.total)) < 0.01,
      `the card shows ${shown}, the API ${today.total}`,
    );
    assert.match(
      await card.getByTestId('metering-events').innerText(),
      new RegExp(`in ${today.events.toLocaleString('en-US')} events`),
    );
    assert.match(
      await card.getByTestId('metering-reservations').innerText(),
      new RegExp(`held by ${reservations.count} open reservations?`),
    );
    await card
      .getByRole('table', { name: 'Today by model' })
      .getByRole('cell', { name: 'gpt-4o', exact: true })
      .waitFor();
    await card
      .getByRole('table', { name: 'Today by agent' })
      .getByRole('cell', { name: AGENT, exact: true })
      .waitFor();
    const row = card
      .getByRole('table', { name: 'Open reservations' })
      .getByRole('row')
      .filter({ hasText: SESSION });
    await row.getByRole('cell', { name: '$0.50', exact: true }).waitFor();
    await row.getByRole('cell', { name: AGENT, exact: true }).waitFor();
    assert.match(
      await card.getByTestId('spend-rate-limit').innerText(),
      /25\.00 USD\/hour/,
    );
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({
      path: `${SCREENSHOTS}live-metering.png`,
      fullPage: true,
    });

    await page.goto(`${BASE_URL}/finops`);
    const agents = page.getByRole('table', { name: 'Top agents' });
    await agents.getByRole('cell', { name: AGENT, exact: true }).waitFor();
    const agentRow = agents.getByRole('row').filter({ hasText: AGENT });
    await agentRow
      .getByRole('link', { name: /store-locator/ })
      .first()
      .waitFor();
    assert.equal(
      await agentRow.getByRole('link').first().getAttribute('href'),
      `/${ENTITY_PATH}`,
    );
    await page
      .getByRole('table', { name: 'Top sessions' })
      .getByRole('cell', { name: SESSION, exact: true })
      .waitFor();
    const denial = page
      .getByRole('table', { name: 'Guardrail denials by entity' })
      .getByRole('row')
      .filter({ hasText: CAPPED_SESSION });
    await denial.getByRole('link', { name: /store-locator/ }).waitFor();
    assert.match(
      await denial.innerText(),
      /\b\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\b/,
    );
    await page.screenshot({
      path: `${SCREENSHOTS}metering-finops-page.png`,
      fullPage: true,
    });
  } finally {
    await browser.close();
  }
});
