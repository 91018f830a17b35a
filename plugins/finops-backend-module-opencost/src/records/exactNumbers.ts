import {
  divideRounded,
  parseMicros,
  parseQuantity,
} from '@tollgate/plugin-finops-common';

const BYTES_PER_GIB = 1024n ** 3n;

/**
 * A JSON number as exact micro-units: its shortest round-trip decimal (what the
 * server wrote), rounded half to even. Numbers with more digits than that decimal
 * keeps are read through their 12-decimal form.
 */
export function numberToMicros(value: number): bigint {
  const micros = parseMicros(value) ?? parseMicros(value.toFixed(12));
  if (micros === undefined) {
    throw new RangeError(`${value} cannot be read as an amount of money`);
  }
  return micros;
}

/** A JSON number as a quantity in units of 10^-6. */
export function numberToQuantity(value: number): bigint {
  const quantity = parseQuantity(value) ?? parseQuantity(value.toFixed(12));
  if (quantity === undefined) {
    throw new RangeError(`${value} cannot be read as a quantity`);
  }
  return quantity;
}

/** Bytes (or byte-hours), in units of 10^-6, as GiB (or GiB-hours) in units of 10^-6. */
export function bytesToGiB(quantity: bigint): bigint {
  return divideRounded(quantity, BYTES_PER_GIB);
}
