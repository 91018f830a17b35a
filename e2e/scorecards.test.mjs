import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, SCREENSHOTS, openBrowser, reloadUntil } from './browser.mjs';

test('a capability over its hard budget gets a scorecard with the failing check and how to fix it', async () => {
  const { browser, page } = await openBrowser();
  try {
    await page.goto(`${BASE_URL}/catalog/default/component/ticket-triage/cost`);
    // Scoring follows the budget snapshot after the first ingestion.
    const card = page.getByTestId('scorecard-capability-health');
    await reloadUntil(page, () => card.isVisible());
    await card.waitFor();
    assert.match(
      await card.getByTestId('scorecard-grade').innerText(),
      /^[A-F]$/,
    );
    assert.match(
      await card.getByTestId('scorecard-score').innerText(),
      /^\d+(\.\d)? \/ 100$/,
    );
    // ticket-triage has spent more than its 800 USD hard budget.
    const hardBudget = card.getByText(
      'No hard budget covering the capability is spent.',
    );
    await hardBudget.click();
    await card
      .getByText('the guardrail is refusing calls', { exact: false })
      .waitFor();
    // Its traffic in the demo's Prometheus gives every check data, once ingested.
    assert.ok(
      await reloadUntil(
        page,
        async () =>
          (await card.isVisible()) &&
          (await card.getByText('Not applicable (no data)').count()) === 0,
      ),
      'a check of ticket-triage has no data',
    );
    await page.screenshot({
      path: `${SCREENSHOTS}scorecard.png`,
      fullPage: true,
    });
  } finally {
    await browser.close();
  }
});

test('the FinOps page ranks teams on the scorecard leaderboard', async () => {
  const { browser, page } = await openBrowser();
  try {
    await page.goto(`${BASE_URL}/finops`);
    await page.getByText('Scorecard leaderboard').first().waitFor();
    await page.getByRole('columnheader', { name: 'Rank' }).waitFor();
    const rows = page
      .locator('table')
      .filter({ has: page.getByRole('columnheader', { name: 'Rank' }) })
      .locator('tbody tr');
    const ranks = await rows.locator('td:nth-child(1)').allInnerTexts();
    const scores = (await rows.locator('td:nth-child(4)').allInnerTexts())
      .filter(text => text !== '–')
      .map(Number);
    assert.ok(scores.length > 1, 'The leaderboard has fewer than two teams');
    assert.equal(ranks[0], '1');
    assert.deepEqual(
      scores,
      [...scores].sort((a, b) => b - a),
      'Teams are not ordered by score',
    );
    await page.screenshot({
      path: `${SCREENSHOTS}scorecard-leaderboard.png`,
      fullPage: true,
    });
  } finally {
    await browser.close();
  }
});
