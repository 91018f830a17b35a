// axe-core scans (WCAG 2.0/2.1 A and AA) of the Cost tab and the FinOps page, held to
// what the same scan finds on Backstage's own catalog page: each finding on a Tollgate
// page must be a rule and element kind the catalog page has too, or come from a
// Backstage component named below by a selector checked in the page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { BASE_URL, openBrowser, reloadUntil } from './browser.mjs';

const WCAG_A_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Findings that come from Backstage's components, wherever they are used. Class
 * selectors match by prefix: some pages' MUI class names carry a generated suffix.
 */
const BACKSTAGE_COMPONENTS = [
  {
    rule: 'nested-interactive',
    selector:
      'th[class*="BackstageTableHeader-header"] > span[class*="MuiTableSortLabel-root"][role="button"]',
    source:
      "Backstage's Table: a sortable column header, a role=button holding the sort icon",
  },
  {
    // on the catalog page too, once the unread count has loaded: not always by the scan
    rule: 'label-content-name-mismatch',
    selector: 'nav a[class*="BackstageSidebarItem-root"]',
    source:
      "Backstage's sidebar: the Notifications item, whose accessible name leaves out its unread count",
  },
  {
    rule: 'color-contrast',
    selector: 'pre > code[class*="language-"] span[style*="color"]',
    source:
      "Backstage's CodeSnippet: react-syntax-highlighter's docco token colours on #f8f8ff",
  },
];

/**
 * The page's findings, one per element: the rule, axe's target, the element's kind
 * (tag, role and MUI/Backstage component classes without their generated suffixes,
 * which differ from page to page) and which known selectors it matches.
 */
async function scan(page) {
  const results = await new AxeBuilder({ page })
    .withTags(WCAG_A_AA)
    // openBrowser's page has no context of its own to open axe's blank page in.
    .setLegacyMode()
    .analyze();
  const nodes = results.violations.flatMap(v =>
    v.nodes.map(n => ({
      rule: v.id,
      target: n.target.join(' '),
      summary: n.failureSummary?.split('\n')[1]?.trim() ?? '',
    })),
  );
  const known = BACKSTAGE_COMPONENTS.map(k => k.selector);
  const described = await page.evaluate(
    ([targets, selectors]) =>
      targets.map(target => {
        const el = document.querySelector(target);
        if (!el) return { kind: `(gone) ${target}`, matches: [] };
        const classes = [...el.classList]
          .filter(c => /^(Mui|Backstage)/.test(c))
          .map(c => c.replace(/-\d+$/, ''));
        const role = el.getAttribute('role');
        const kind =
          el.tagName.toLowerCase() +
          [...new Set(classes)]
            .sort()
            .map(c => `.${c}`)
            .join('') +
          (role ? `[role="${role}"]` : '');
        return { kind, matches: selectors.filter(s => el.matches(s)) };
      }),
    [nodes.map(n => n.target), known],
  );
  return nodes.map((n, i) => ({ ...n, ...described[i] }));
}

const key = f => `${f.rule} ${f.kind}`;

/** Sorts a Tollgate page's findings by where they come from, and prints them. */
function judge(name, findings) {
  const judged = findings.map(f => {
    const component = BACKSTAGE_COMPONENTS.find(
      b => b.rule === f.rule && f.matches.includes(b.selector),
    );
    if (component) return { ...f, from: component.source };
    if (baselineKeys.has(key(f))) return { ...f, from: 'also on /catalog' };
    return { ...f, from: 'UNEXPECTED' };
  });
  console.log(`${name}: ${findings.length} finding(s)`);
  for (const f of judged) {
    console.log(
      `  [${f.from}] ${f.rule} ${f.kind}  (${f.target}) ${f.summary}`,
    );
  }
  return judged;
}

function assertNothingUnexpected(judged) {
  const unexpected = judged.filter(f => f.from === 'UNEXPECTED');
  assert.deepEqual(
    unexpected.map(f => `${f.rule} ${f.kind} at ${f.target}: ${f.summary}`),
    [],
    'accessibility findings the catalog page does not have',
  );
}

let browser;
let page;
let baselineKeys;

before(async () => {
  ({ browser, page } = await openBrowser());
  await page.goto(`${BASE_URL}/catalog`);
  await page
    .getByRole('cell', { name: /support-summarizer/ })
    .first()
    .waitFor();
  const baseline = await scan(page);
  baselineKeys = new Set(baseline.map(key));
  console.log(`/catalog (baseline): ${baseline.length} finding(s)`);
  for (const k of baselineKeys) console.log(`  ${k}`);
});

after(async () => {
  await browser?.close();
});

test('the Cost tab has no accessibility findings beyond the catalog page', async () => {
  await page.goto(
    `${BASE_URL}/catalog/default/component/support-summarizer/cost`,
  );
  // Ingestion runs in the background right after start: wait for the data.
  const total = page.getByTestId('finops-total');
  await reloadUntil(page, () => total.isVisible());
  await total.waitFor();
  await page.getByText('Breakdown by model').first().waitFor();
  assertNothingUnexpected(judge('Cost tab', await scan(page)));
});

test('the FinOps page has no accessibility findings beyond the catalog page', async () => {
  await page.goto(`${BASE_URL}/finops`);
  await page.getByTestId('finops-org-total').waitFor();
  await page.getByText('By cost center').first().waitFor();
  const judged = judge('FinOps page', await scan(page));
  assertNothingUnexpected(judged);
});
