// Headless Chromium from the system (Debian's /usr/bin/chromium), signed in as guest.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

export const BASE_URL = process.env.TOLLGATE_E2E_URL ?? 'http://localhost:3000';
export const SCREENSHOTS = new URL('../e2e-results/', import.meta.url).pathname;
/** The screenshots the README shows, refreshed by every run of the journeys. */
export const README_SCREENSHOTS = new URL(
  '../docs/screenshots/',
  import.meta.url,
).pathname;

/** A full-page screenshot for the README, as it shows in a 1280 px wide window. */
export async function readmeScreenshot(page, name) {
  mkdirSync(README_SCREENSHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.waitForTimeout(500);
  // Backstage's pages scroll inside their content area: the window grows to hold it.
  const height = await page.evaluate(() =>
    Math.max(...[...document.querySelectorAll('*')].map(e => e.scrollHeight)),
  );
  await page.setViewportSize({ width: 1280, height: Math.min(height, 8000) });
  await page.waitForTimeout(500);
  await page.screenshot({
    path: `${README_SCREENSHOTS}${name}`,
    fullPage: true,
  });
}

export async function openBrowser() {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = await browser.newPage({
    viewport: { width: 1400, height: 1000 },
  });
  page.setDefaultTimeout(60_000);
  await page.goto(BASE_URL);
  const enter = page.getByRole('button', { name: 'Enter' });
  await enter.click();
  await enter.waitFor({ state: 'detached' });
  return { browser, page };
}

/**
 * Reloads the page until `ready()` holds, giving each load a few seconds to get there:
 * the demo ingests, budgets and scores in the background after it starts. `ready`
 * must answer at once (isVisible, not waitFor). Answers whether it came to hold.
 */
export async function reloadUntil(
  page,
  ready,
  { loads = 20, perLoadMs = 5000 } = {},
) {
  for (let load = 0; load < loads; load++) {
    const deadline = Date.now() + perLoadMs;
    while (Date.now() < deadline) {
      if (await ready()) return true;
      await page.waitForTimeout(250);
    }
    await page.reload();
  }
  return ready();
}
