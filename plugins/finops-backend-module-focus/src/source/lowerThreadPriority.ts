import { getPriority, setPriority } from 'node:os';

/** How much nicer than the thread that started it a reading thread is. */
export const READING_THREAD_NICENESS = 10;

/** The nicest value there is: the lowest priority. */
const NICEST = 19;

/**
 * Lowers the calling thread's scheduling priority below the thread that started it,
 * on Linux only: there a nice value is a thread's own (and a new thread starts with
 * its parent's); elsewhere it would be the whole process's. Where both want a core,
 * the thread that serves requests (and writes records, the slower of the two) then
 * goes first. Lowering needs no privilege; where it is refused all the same, the
 * thread runs as before. Answers the thread's nice value.
 */
export function lowerThreadPriority(): number {
  const current = getPriority();
  if (process.platform !== 'linux') {
    return current;
  }
  const lower = Math.min(NICEST, current + READING_THREAD_NICENESS);
  try {
    setPriority(lower);
    return lower;
  } catch {
    // a sandbox may forbid it: the thread reads at its usual priority
    return current;
  }
}
