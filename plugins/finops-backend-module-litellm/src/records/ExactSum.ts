import {
  DECIMAL_LIMITS,
  MONEY_SCALE,
  divideRounded,
} from '@tollgate/plugin-finops-common';

const NUMBER = /^([+-]?)(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

const pow10 = (exponent: number) => 10n ** BigInt(exponent);

/**
 * A sum of decimal amounts kept exactly, however many digits they have, and rounded
 * once, at the end: a proxy logs each request's spend as a float of dollars such as
 * `0.0000825` (82.5 micro-dollars), and rounding each before adding would drift by up
 * to half a micro-dollar a request.
 */
export class ExactSum {
  /** The sum is units × 10^-scale. */
  private units = 0n;
  private scale = 0;

  /**
   * Adds the decimal text of a JSON number (`12.5`, `-0.3`, `1.5e-7`); answers false,
   * adding nothing, for any other text or one beyond DECIMAL_LIMITS.
   */
  add(text: string): boolean {
    const match =
      text.length <= DECIMAL_LIMITS.maxLength ? NUMBER.exec(text) : null;
    if (!match) {
      return false;
    }
    const [, sign, whole, fraction = '', exponentText = '0'] = match;
    const exponent = Number(exponentText);
    if (Math.abs(exponent) > DECIMAL_LIMITS.maxExponent) {
      return false;
    }
    let units = BigInt(whole + fraction);
    let scale = fraction.length - exponent;
    if (scale < 0) {
      units *= pow10(-scale);
      scale = 0;
    }
    if (scale > this.scale) {
      this.units *= pow10(scale - this.scale);
      this.scale = scale;
    }
    const scaled = units * pow10(this.scale - scale);
    this.units += sign === '-' ? -scaled : scaled;
    return true;
  }

  /** The sum in micro-units, rounded half to even. */
  micros(): bigint {
    return this.scale <= MONEY_SCALE
      ? this.units * pow10(MONEY_SCALE - this.scale)
      : divideRounded(this.units, pow10(this.scale - MONEY_SCALE));
  }
}
