/**
 * Runs the demo's traffic simulator until stopped:
 *   node --require @backstage/cli/config/nodeTransform.cjs simulatorMain.ts <workDir>
 * for the demo's day (TOLLGATE_DEMO_DATE, else today in UTC), its runaway agent
 * reserving at TOLLGATE_BACKEND_URL (default http://localhost:7007) with
 * TOLLGATE_TOKEN (default the demo's gateway token).
 */
import { demoDay } from '../demoFocus';
import { startTrafficSimulator } from './startTrafficSimulator';

const workDir = process.argv[2];
if (!workDir) {
  console.error('Usage: simulatorMain.ts <workDir>');
  process.exit(2);
}
startTrafficSimulator({
  today: demoDay(process.env, new Date()),
  workDir,
  backendUrl: process.env.TOLLGATE_BACKEND_URL,
  // The demo's static token for gateways and agents (app-config.yaml).
  backendToken:
    process.env.TOLLGATE_TOKEN ?? 'tollgate-demo-gateway-token-7f3a9c',
}).then(
  simulator => {
    const stop = () => {
      simulator.stop();
      setTimeout(() => process.exit(0), 500);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  },
  error => {
    console.error(error.message);
    process.exit(1);
  },
);
