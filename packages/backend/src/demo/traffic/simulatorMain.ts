/**
 * Runs the demo's traffic simulator until stopped:
 *   node --require @backstage/cli/config/nodeTransform.cjs simulatorMain.ts <workDir>
 * for the demo's day (TOLLGATE_DEMO_DATE, else today in UTC).
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
