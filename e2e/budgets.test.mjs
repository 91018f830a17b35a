import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, SCREENSHOTS, openBrowser, reloadUntil } from './browser.mjs';

test('a capability with a budget shows spend, forecast and enforcement on its Cost tab', async () => {
  const { browser, page } = await openBrowser();
  try {
    await page.goto(`${BASE_URL}/catalog/default/component/ticket-triage/cost`);
    // The budget snapshot is rebuilt after the first ingestion: wait for spend.
    const spent = page.getByTestId('budget-spent');
    await reloadUntil(
      page,
      async () =>
        (await spent.isVisible()) && !/^\$0\.00 /.test(await spent.innerText()),
    );
    assert.match(await spent.innerText(), /^\$[\d,]+\.\d{2} of \$800\.00$/);
    assert.match(
      await page.getByTestId('budget-forecast').innerText(),
      /^\$[\d,]+\.\d{2} \([\d.]+%\)$/,
    );
    await page.getByText('hard', { exact: true }).first().waitFor();
    assert.match(
      await page.getByTestId('budget-origin').innerText(),
      /annotation|catalog/i,
    );
    await page.screenshot({
      path: `${SCREENSHOTS}budget-card.png`,
      fullPage: true,
    });
  } finally {
    await browser.close();
  }
});

test('the FinOps page lists budgets at risk', async () => {
  const { browser, page } = await openBrowser();
  try {
    await page.goto(`${BASE_URL}/finops`);
    await page.getByText('Budgets at risk').first().waitFor();
    await page.screenshot({
      path: `${SCREENSHOTS}budgets-at-risk.png`,
      fullPage: true,
    });
  } finally {
    await browser.close();
  }
});
