#!/usr/bin/env node
// ./tollgate start: runs the demo until interrupted.
import { startDemo } from './demo.mjs';

let demo;
try {
  demo = await startDemo();
} catch (error) {
  console.error(`The demo could not start: ${error.message}`);
  process.exit(1);
}
const shutdown = () => {
  demo.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
console.log(
  '\nTollgate demo starting: frontend http://localhost:3000, backend http://localhost:7007 (FinOps page: http://localhost:3000/finops)\n',
);
demo.children[1].on('exit', code => {
  demo.stop();
  process.exit(code ?? 0);
});
