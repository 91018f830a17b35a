import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL,
  SCREENSHOTS,
  openBrowser,
  readmeScreenshot,
  reloadUntil,
} from './browser.mjs';

test('a capability page has a Cost tab with spend split by model and token type', async () => {
  const { browser, page } = await openBrowser();
  try {
    await page.goto(`${BASE_URL}/catalog/default/component/support-summarizer`);
    await page.getByText('Cost', { exact: true }).first().click();
    await page.waitForURL(/\/cost$/);
    // Ingestion runs in the background right after start: wait for the data.
    const total = page.getByTestId('finops-total');
    await reloadUntil(page, () => total.isVisible());
    await total.waitFor();
    assert.match(await total.innerText(), /^\$[\d,]+\.\d{2}/);
    await page.getByText('Breakdown by model').first().waitFor();
    await page
      .getByRole('cell', { name: 'gpt-4o', exact: true })
      .first()
      .waitFor();
    await page.getByText('Token types').first().waitFor();
    await page.getByRole('cell', { name: 'cache-read' }).first().waitFor();
    // Its outcome query (summaries, in the demo's Prometheus) gives cost per outcome.
    await page.getByTestId('unit-cost-per-outcome').waitFor();
    await page.getByText('Data freshness').first().waitFor();
    await page.getByText('focus:ai-providers').first().waitFor();
    await page.screenshot({
      path: `${SCREENSHOTS}cost-tab.png`,
      fullPage: true,
    });
  } finally {
    await browser.close();
  }
});

test('a capability’s Cost tab keeps spend that is no model’s and no tokens apart, named by what it is', async () => {
  const { browser, page } = await openBrowser();
  try {
    await page.goto(`${BASE_URL}/catalog/default/component/ticket-triage/cost`);
    // ticket-triage's Twilio calls come from a FOCUS invoice of an API, whose rows name
    // the operation (createMessage) in SkuPriceDetails: API calls, not a model.
    const haiku = page
      .getByRole('cell', { name: 'claude-3-5-haiku-20241022', exact: true })
      .first();
    const twilio = page
      .getByRole('cell', { name: 'API calls', exact: true })
      .first();
    assert.ok(
      await reloadUntil(
        page,
        async () => (await haiku.isVisible()) && (await twilio.isVisible()),
      ),
      'the breakdown by model shows the model and, below it, API calls',
    );
    await page.getByText('Breakdown by model').first().waitFor();
    for (const name of ['createMessage', '(none)', '(other)']) {
      assert.equal(
        await page.getByRole('cell', { name, exact: true }).count(),
        0,
        `no row is named ${name}`,
      );
    }
    // the token types hold tokens, with the rest as one line below them
    await page.getByText('Token types').first().waitFor();
    const notTokens = page.getByRole('cell', { name: /^Not tokens: / });
    await notTokens.waitFor();
    assert.match(await notTokens.innerText(), /API calls \$[\d,.]+/);
    await page.screenshot({
      path: `${SCREENSHOTS}cost-tab-outside.png`,
      fullPage: true,
    });
  } finally {
    await browser.close();
  }
});

test('the FinOps page shows spend by cost center and unallocated spend', async () => {
  const { browser, page } = await openBrowser();
  try {
    await page.goto(`${BASE_URL}/finops`);
    await page.getByTestId('finops-org-total').waitFor();
    await page.getByText('By cost center').first().waitFor();
    await page.getByRole('cell', { name: 'cc-com-3300' }).first().waitFor();
    assert.match(
      await page.getByTestId('finops-unallocated').innerText(),
      /^\$[\d,]+\.\d{2}/,
    );
    await page.getByText('Top movers').first().waitFor();
    await page.getByText('Model mix').first().waitFor();
    await page.screenshot({
      path: `${SCREENSHOTS}finops-page.png`,
      fullPage: true,
    });
    await readmeScreenshot(page, 'finops-page.png');
  } finally {
    await browser.close();
  }
});
