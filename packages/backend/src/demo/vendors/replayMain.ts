/**
 * Runs the demo's vendor API replay until stopped:
 *   node --require @backstage/cli/config/nodeTransform.cjs replayMain.ts [port]
 * serving OpenAI, Anthropic and LiteLLM reports of the demo's AI invoice for the
 * demo's day (TOLLGATE_DEMO_DATE, else today in UTC) on 127.0.0.1:<port> (9302).
 */
import { DEMO_FOCUS_DAYS, demoDay } from '../demoFocus';
import { generateDemoVendorReports } from './demoVendorReports';
import { startDemoVendorReplay } from './startDemoVendorReplay';

const port = Number(process.argv[2] ?? 9302);

async function main() {
  const today = demoDay(process.env, new Date());
  const replay = await startDemoVendorReplay({
    reports: generateDemoVendorReports({ today, days: DEMO_FOCUS_DAYS }),
    port,
  });
  console.log(
    `Vendor API replay (OpenAI, Anthropic, LiteLLM) of the ${DEMO_FOCUS_DAYS} days to ${today} on ${replay.url}`,
  );
  const stop = () => {
    replay.close().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch(error => {
  console.error(error.message);
  process.exit(1);
});
