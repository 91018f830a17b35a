import '@testing-library/jest-dom';

/**
 * jsdom has no ResizeObserver, which recharts' ResponsiveContainer needs: this one
 * reports a fixed size at once, so that charts render in tests.
 */
class FixedSizeResizeObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element) {
    const entry = { target, contentRect: { width: 800, height: 300 } };
    this.callback([entry as unknown as ResizeObserverEntry], this);
  }
  unobserve() {}
  disconnect() {}
}
if (!('ResizeObserver' in globalThis)) {
  Object.assign(globalThis, { ResizeObserver: FixedSizeResizeObserver });
}

// Whole pages with charts render slowly on a busy two-core machine: the default five
// seconds per test is too tight there, and a timed-out render leaks into the next test.
jest.setTimeout(30_000);
