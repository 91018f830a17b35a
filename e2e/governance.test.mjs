import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, SCREENSHOTS, openBrowser, reloadUntil } from './browser.mjs';

/**
 * Opens an entity's Cost tab and waits until the label drift is known: the OpenCost
 * source reads workload labels in the background right after start, and until it
 * has, drift is "unknown". Answers the drift box.
 */
async function openCostTabWithDrift(page, name, expectedStatus) {
  const drift = page.getByTestId('finops-label-drift');
  await page.goto(`${BASE_URL}/catalog/default/component/${name}/cost`);
  await reloadUntil(
    page,
    async () =>
      (await drift.isVisible()) &&
      (await drift.getAttribute('data-status')) === expectedStatus,
  );
  assert.equal(await drift.getAttribute('data-status'), expectedStatus);
  return drift;
}

test('a capability without a cost center shows the finding with how to fix it, and labels in sync with OpenCost', async () => {
  const { browser, page } = await openBrowser();
  try {
    const drift = await openCostTabWithDrift(
      page,
      'report-generator',
      'in-sync',
    );
    await page.getByText('Cost governance').first().waitFor();
    await page
      .getByText('tollgate.dev/cost-center is missing', { exact: false })
      .first()
      .waitFor();
    await page
      .getByText(
        'cost-center-required: Add "tollgate.dev/cost-center: cc-4100" (with your own value) under metadata.annotations.',
      )
      .first()
      .waitFor();

    await page.getByText('Kubernetes labels').first().waitFor();
    await page
      .getByText('tollgate.dev/team: "data-insights"', { exact: false })
      .first()
      .waitFor();
    await page
      .getByText(
        'tollgate.dev/cost-center: no cost center: set the tollgate.dev/cost-center annotation',
      )
      .first()
      .waitFor();
    await page
      .getByText('aggregate=label:tollgate.dev/team', { exact: false })
      .first()
      .waitFor();
    assert.match(
      await drift.innerText(),
      /In sync: the 1 workload OpenCost saw from \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2} \(default\/deployment:report-generator\) carry every label above\./,
    );
    await page.screenshot({
      path: `${SCREENSHOTS}governance-cost-tab.png`,
      fullPage: true,
    });
  } finally {
    await browser.close();
  }
});

test('a capability whose workloads drifted lists each label expected and seen', async () => {
  const { browser, page } = await openBrowser();
  try {
    const drift = await openCostTabWithDrift(
      page,
      'checkout-service',
      'drifted',
    );
    const rows = drift.getByRole('row');
    assert.deepEqual(await rows.allInnerTexts(), [
      'Workload\tLabel\tExpected\tSeen',
      'demo-cluster: default/deployment:checkout-service\ttollgate.dev/environment-tier\tproduction\tstaging',
    ]);

    const missing = await openCostTabWithDrift(
      page,
      'support-summarizer',
      'drifted',
    );
    const row = missing
      .getByRole('row')
      .filter({ hasText: 'tollgate.dev/project' });
    assert.equal(
      await row.innerText(),
      'demo-cluster: default/deployment:support-summarizer\ttollgate.dev/project\tsupport-ai\tmissing',
    );
    await page.screenshot({
      path: `${SCREENSHOTS}governance-label-drift.png`,
      fullPage: true,
    });
  } finally {
    await browser.close();
  }
});

test('a capability OpenCost never saw says drift is unknown', async () => {
  const { browser, page } = await openBrowser();
  try {
    await page.goto(
      `${BASE_URL}/catalog/default/component/support-triage/cost`,
    );
    const drift = page.getByTestId('finops-label-drift');
    await drift.waitFor();
    assert.equal(await drift.getAttribute('data-status'), 'unknown');
    assert.match(
      await drift.innerText(),
      /No OpenCost data seen for this entity from \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}, so drift is unknown\./,
    );
  } finally {
    await browser.close();
  }
});

test('the FinOps page reports the share of capabilities fully labelled, by team', async () => {
  const { browser, page } = await openBrowser();
  try {
    await page.goto(`${BASE_URL}/finops`);
    await page
      .getByText(/^Cost labelling \(\d+ findings\)$/)
      .first()
      .waitFor();
    const report = page.getByRole('table').filter({
      has: page.getByRole('columnheader', { name: 'Fully labelled' }),
    });
    const cells = async team => {
      const row = report.getByRole('row').filter({ hasText: team });
      await row.first().waitFor();
      return (await row.first().innerText()).split('\t').map(c => c.trim());
    };
    // report-generator has no cost center; insights-copilot is fully labelled
    assert.deepEqual(await cells('data-insights'), [
      'data-insights',
      '2',
      '1',
      '50%',
    ]);
    assert.deepEqual(await cells('commerce'), ['commerce', '4', '4', '100%']);
    await page.screenshot({
      path: `${SCREENSHOTS}governance-report.png`,
      fullPage: true,
    });
  } finally {
    await browser.close();
  }
});
