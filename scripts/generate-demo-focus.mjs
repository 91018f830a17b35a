#!/usr/bin/env node
// Writes the demo's FOCUS exports (packages/backend/src/demo/demoFocus.ts) for the
// days ending on the demo's day: TOLLGATE_DEMO_DATE (YYYY-MM-DD) or today in UTC.
//
//   node scripts/generate-demo-focus.mjs [outDir] [days]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEMO_FOCUS_DAYS,
  demoDay,
  generateDemoFocus,
  toFocusCsv,
} from '../packages/backend/src/demo/demoFocus.ts';

const outDir = process.argv[2] ?? 'examples/focus/generated';
const days = Number(process.argv[3] ?? DEMO_FOCUS_DAYS);

let today;
try {
  today = demoDay(process.env, new Date());
} catch (error) {
  console.error(error.message);
  process.exit(2);
}
const { aiProviders, saasApis } = generateDemoFocus({ today, days });
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'ai-providers.csv'), toFocusCsv(aiProviders));
writeFileSync(join(outDir, 'saas-apis.csv'), toFocusCsv(saasApis));
console.log(
  `Wrote ${
    aiProviders.length + saasApis.length
  } FOCUS rows for the ${days} days to ${today} to ${outDir}`,
);
