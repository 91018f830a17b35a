/** Longest stretch of database work between two turns of the event loop. */
const SLICE_MS = 10;

let lastYield = performance.now();

/**
 * Lets the event loop run timers and I/O if it has not for a few milliseconds. SQLite
 * (better-sqlite3) runs each statement synchronously, and a chain of awaited statements
 * resolves as microtasks only, so a long write would hold every request, the guardrail
 * included, until it ended. Writers call this between statements.
 */
export async function yieldToEventLoop(): Promise<void> {
  if (performance.now() - lastYield < SLICE_MS) {
    return;
  }
  await new Promise(resolve => setImmediate(resolve));
  lastYield = performance.now();
}
