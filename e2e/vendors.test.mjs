import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, SCREENSHOTS, openBrowser, reloadUntil } from './browser.mjs';

// The demo's vendor replay (packages/backend/src/demo/vendors) serves OpenAI's,
// Anthropic's and a LiteLLM proxy's usage and cost APIs with the invoice's tokens and
// money; legacy-batch-job's usage sits in an OpenAI project nobody claims, and the
// demo's price book carries a stale override for text-embedding-3-small input.

test('the FinOps page names the unclaimed OpenAI project, counted once with the invoice’s untagged spend', async () => {
  const { browser, page } = await openBrowser();
  try {
    await page.goto(`${BASE_URL}/finops`);
    const table = page.getByRole('table', {
      name: 'Unallocated spend by vendor id',
    });
    const row = table.getByRole('row').filter({
      hasText: 'proj_legacy_batch_job',
    });
    assert.ok(
      await reloadUntil(page, () => row.isVisible()),
      'the unallocated card names no proj_legacy_batch_job',
    );
    const text = await row.innerText();
    assert.match(text, /OpenAI/);
    assert.match(text, /nobody/);
    assert.match(text, /tollgate\.dev\/openai-projects: proj_legacy_batch_job/);
    // its spend is the invoice's untagged gpt-4o spend: counted there, once
    assert.match(
      text,
      /and \$[\d,]+\.\d\d in the unallocated spend of a higher-ranked source/,
    );
    await page.screenshot({
      path: `${SCREENSHOTS}unclaimed-project.png`,
      fullPage: true,
    });
  } finally {
    await browser.close();
  }
});

test('the Reconciliation card shows the planted price-book drift and the override that fixes it', async () => {
  const { browser, page } = await openBrowser();
  try {
    await page.goto(`${BASE_URL}/finops`);
    const suggestions = page.getByTestId('price-suggestions');
    const planted = suggestions.getByText(
      /text-embedding-3-small input: price book 0\.025\/M, billed 0\.02\/M over \d+ days/,
    );
    assert.ok(
      await reloadUntil(page, () => planted.first().isVisible()),
      `no planted drift among: ${
        (await suggestions.count()) ? await suggestions.innerText() : 'none'
      }`,
    );
    assert.match(
      await suggestions.innerText(),
      /inputPerMillion: ["']?0\.02["']?/,
    );
    await page.screenshot({
      path: `${SCREENSHOTS}reconciliation-drift.png`,
      fullPage: true,
    });
  } finally {
    await browser.close();
  }
});
