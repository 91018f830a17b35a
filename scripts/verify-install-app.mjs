// What ./tollgate verify-install writes into a freshly created Backstage app: the
// README's "Installing into an existing Backstage" steps, as files and edits.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';

/** The backend packages the README adds to packages/backend, in its order. */
export const BACKEND_PACKAGES = [
  '@tollgate/plugin-finops-backend',
  '@tollgate/plugin-finops-backend-module-focus',
  '@tollgate/plugin-finops-backend-module-opencost',
  '@tollgate/plugin-finops-backend-module-prometheus',
  '@tollgate/plugin-catalog-backend-module-finops',
];
/** The frontend package the README adds to packages/app. */
export const FRONTEND_PACKAGE = '@tollgate/plugin-finops';

/** The example entity whose spend the example FOCUS export holds. */
export const ENTITY = {
  kind: 'component',
  namespace: 'default',
  name: 'support-summarizer',
};
export const FOCUS_SOURCE_ID = 'llm-invoices';

const ENTITY_YAML = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${ENTITY.name}
  description: Summarizes support tickets with an LLM
  annotations:
    tollgate.dev/cost-center: cc-support
spec:
  type: service
  lifecycle: production
  owner: guests
  system: examples
`;

// The rows of the FOCUS specification's AI prompt caching example
// (ai_prompt_caching_a.csv: Solora Reasoning Pro input, cache write, cache read and
// output tokens), one set per day, with the entity's ref in Tags.
const TOKEN_ROWS = [
  {
    sku: 'input',
    description: 'Input tokens',
    quantity: 500000,
    cost: '1.50',
    details: '"TokenCacheAction":"Uncached","TokenDirection":"Input"',
  },
  {
    sku: 'cache-write',
    description: 'Cache write input tokens',
    quantity: 2000000,
    cost: '7.50',
    details: '"TokenCacheAction":"Write","TokenDirection":"Input"',
  },
  {
    sku: 'cache-read',
    description: 'Cache read input tokens',
    quantity: 8000000,
    cost: '2.40',
    details: '"TokenCacheAction":"Read","TokenDirection":"Input"',
  },
  {
    sku: 'output',
    description: 'Output tokens',
    quantity: 1500000,
    cost: '22.50',
    details: '"TokenDirection":"Output"',
  },
];
const COLUMNS =
  'BilledCost,BillingAccountId,BillingCurrency,BillingPeriodEnd,BillingPeriodStart,ChargeCategory,ChargeDescription,ChargePeriodEnd,ChargePeriodStart,ConsumedQuantity,ConsumedUnit,EffectiveCost,ListCost,PricingQuantity,PricingUnit,ServiceCategory,ServiceName,ServiceProviderName,SkuId,SkuPriceDetails,Tags';

const day = (date, offset) =>
  new Date(
    Date.UTC(
      date.getUTCFullYear(),
      date.getUTCMonth(),
      date.getUTCDate() + offset,
    ),
  );
const iso = date => `${date.toISOString().slice(0, 10)}T00:00:00Z`;
const quoted = text => `"${text.replaceAll('"', '""')}"`;

/**
 * A small FOCUS export: the example rows on each of the `days` days before today
 * (UTC) attributed to the entity, and one row of a cost center that names no entity
 * (kept as unallocated). Answers the CSV and the entity's exact total in cents.
 */
export function exampleFocusCsv(now = new Date(), days = 3) {
  const lines = [COLUMNS];
  let cents = 0;
  const row = (start, r, tags) => {
    const end = day(start, 1);
    const periodStart = new Date(
      Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1),
    );
    const periodEnd = new Date(
      Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1),
    );
    lines.push(
      [
        r.cost,
        'acct-1001',
        'USD',
        iso(periodEnd),
        iso(periodStart),
        'Usage',
        `${r.description} for Solora Reasoning Pro`,
        iso(end),
        iso(start),
        r.quantity,
        'Tokens',
        r.cost,
        r.cost,
        r.quantity / 1e6,
        '1000000 Tokens',
        'AI and Machine Learning',
        'Solora Generative AI API',
        'Solora AI',
        `solora-reasoning-pro-${r.sku}`,
        quoted(`{"ModelId":"solora-reasoning-pro",${r.details}}`),
        quoted(JSON.stringify(tags)),
      ].join(','),
    );
  };
  for (let offset = -days; offset < 0; offset++) {
    for (const r of TOKEN_ROWS) {
      row(day(now, offset), r, {
        'backstage-entity': `component:default/${ENTITY.name}`,
      });
      cents += Math.round(Number(r.cost) * 100);
    }
  }
  row(
    day(now, -1),
    { ...TOKEN_ROWS[0], cost: '5.00' },
    { 'cost-center': 'cc-research' },
  );
  return {
    csv: `${lines.join('\n')}\n`,
    entityTotal: (cents / 100).toFixed(2),
  };
}

/** The tollgate block the README adds to app-config.yaml, with the FOCUS source. */
export const TOLLGATE_CONFIG = `
tollgate:
  currency: USD
  sources:
    focus:
      - id: ${FOCUS_SOURCE_ID}
        paths: [../../examples/focus/*.csv]
        entityTagKey: backstage-entity # Tags key holding an entity ref
        costCenterTagKey: cost-center # else attribute to a cost center
        schedule:
          frequency: { hours: 1 }
          timeout: { minutes: 15 }
          initialDelay: { seconds: 60 } # lets the catalog read the entities first
`;

/** The catalog location the README adds under catalog.locations. */
export const CATALOG_LOCATION = `    - type: file
      target: ../../examples/tollgate.yaml
`;

/** Writes the example entity and FOCUS export, and adds both to app-config.yaml. */
export function writeExampleData(appDir, now = new Date()) {
  mkdirSync(join(appDir, 'examples/focus'), { recursive: true });
  writeFileSync(join(appDir, 'examples/tollgate.yaml'), ENTITY_YAML);
  const { csv, entityTotal } = exampleFocusCsv(now);
  writeFileSync(join(appDir, 'examples/focus/llm-invoices.csv'), csv);

  const configFile = join(appDir, 'app-config.yaml');
  const config = readFileSync(configFile, 'utf8');
  const locations = /^  locations:\n/m;
  if (!locations.test(config) || /^tollgate:/m.test(config)) {
    throw new Error(
      `${configFile} has no catalog.locations, or has a tollgate block already`,
    );
  }
  writeFileSync(
    configFile,
    `${config.replace(
      locations,
      match => match + CATALOG_LOCATION,
    )}${TOLLGATE_CONFIG}`,
  );
  return { entityTotal };
}

/** Ports of its own (app-config.local.yaml), so that it never meets a running demo. */
export function writeLocalPorts(appDir, { appPort, backendPort }) {
  writeFileSync(
    join(appDir, 'app-config.local.yaml'),
    YAML.stringify({
      app: { baseUrl: `http://localhost:${appPort}` },
      backend: {
        baseUrl: `http://localhost:${backendPort}`,
        listen: { port: backendPort },
        cors: { origin: `http://localhost:${appPort}` },
      },
    }),
  );
}

/** Adds the README's backend.add lines before backend.start(). */
export function addBackendPlugins(appDir) {
  const file = join(appDir, 'packages/backend/src/index.ts');
  const source = readFileSync(file, 'utf8');
  if (!source.includes('backend.start();')) {
    throw new Error(`${file} has no backend.start(); line`);
  }
  const lines = BACKEND_PACKAGES.map(name => `backend.add(import('${name}'));`);
  writeFileSync(
    file,
    source.replace(
      'backend.start();',
      `// Tollgate\n${lines.join('\n')}\n\nbackend.start();`,
    ),
  );
}

/** Adds the README's import and feature to the app's createApp features. */
export function addFrontendFeature(appDir) {
  const file = join(appDir, 'packages/app/src/App.tsx');
  const source = readFileSync(file, 'utf8');
  const features = /features: \[([^\]]*)\]/;
  const imports = [...source.matchAll(/^import .*;$/gm)];
  if (!features.test(source) || imports.length === 0) {
    throw new Error(
      `${file} has no imports and createApp({ features: [...] })`,
    );
  }
  const last = imports[imports.length - 1];
  const at = last.index + last[0].length;
  const edited = `${source.slice(
    0,
    at,
  )}\nimport finopsPlugin from '${FRONTEND_PACKAGE}/alpha';${source.slice(at)}`;
  writeFileSync(
    file,
    edited.replace(
      features,
      (_, list) => `features: [${list.trim()}, finopsPlugin]`,
    ),
  );
}
