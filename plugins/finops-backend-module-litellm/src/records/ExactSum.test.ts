import { ExactSum } from './ExactSum';

function sum(...texts: string[]): bigint {
  const total = new ExactSum();
  for (const text of texts) {
    expect(total.add(text)).toBe(true);
  }
  return total.micros();
}

describe('ExactSum', () => {
  it('adds the decimals as written and rounds once', () => {
    expect(sum('0.1', '0.2')).toBe(300_000n);
    expect(sum('0.30000000000000004')).toBe(300_000n);
    // 82.5 micro-dollars twice: 165, where rounding each first gives 164
    expect(sum('0.0000825', '0.0000825')).toBe(165n);
    expect(sum('0.0000825')).toBe(82n);
    expect(sum('0.0000835')).toBe(84n);
    expect(sum('0.31999939051519993', '0.00012924')).toBe(320_129n);
    expect(sum()).toBe(0n);
  });

  it('reads exponents, signs and whole numbers', () => {
    expect(sum(...Array(10).fill('1e-7'))).toBe(1n);
    expect(sum('5.000000000000001e-07', '2.5E-7')).toBe(1n);
    expect(sum('1.5e3', '+2', '-0.5', '3.')).toBe(1_504_500_000n);
    expect(sum('-0.0000825')).toBe(-82n);
    expect(sum('12345678901234567890.123456789')).toBe(
      12_345_678_901_234_567_890_123_457n,
    );
  });

  it('refuses what is not a decimal number, adding nothing', () => {
    const total = new ExactSum();
    total.add('0.5');
    for (const text of [
      '',
      'abc',
      '0x10',
      '1e',
      '.5',
      '1e-61',
      '1'.repeat(101),
    ]) {
      expect(total.add(text)).toBe(false);
    }
    expect(total.micros()).toBe(500_000n);
  });
});
