// Headless Chromium from the system (Debian's /usr/bin/chromium), signed in as guest.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

export const BASE_URL = process.env.TOLLGATE_E2E_URL ?? 'http://localhost:3000';
export const SCREENSHOTS = new URL('../e2e-results/', import.meta.url).pathname;

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
