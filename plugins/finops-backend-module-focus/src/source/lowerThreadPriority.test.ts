import { getPriority } from 'node:os';
import { Worker } from 'node:worker_threads';
import { READING_THREAD_NICENESS } from './lowerThreadPriority';

/** Runs lowerThreadPriority on a new thread; answers what it answered and what the thread then had. */
function onNewThread(): Promise<{ answered: number; priority: number }> {
  const transform = require.resolve('@backstage/cli/config/nodeTransform.cjs');
  const source = require.resolve('./lowerThreadPriority');
  const worker = new Worker(
    `require(${JSON.stringify(transform)});
     const { getPriority } = require('node:os');
     const { parentPort } = require('node:worker_threads');
     const answered = require(${JSON.stringify(source)}).lowerThreadPriority();
     parentPort.postMessage({ answered, priority: getPriority() });`,
    { eval: true },
  );
  return new Promise((resolve, reject) => {
    worker.once('message', message => {
      worker.terminate().then(() => resolve(message), reject);
    });
    worker.once('error', reject);
  });
}

describe('lowerThreadPriority', () => {
  it('makes the calling thread nicer than the one that started it, and only that thread', async () => {
    const before = getPriority();
    const { answered, priority } = await onNewThread();
    // Elsewhere than on Linux a thread's nice value is its process's: left alone.
    const expected =
      process.platform === 'linux'
        ? Math.min(19, before + READING_THREAD_NICENESS)
        : before;
    expect(priority).toBe(answered);
    expect(priority).toBe(expected);
    expect(getPriority()).toBe(before);
  });
});
