/**
 * Exact decimal arithmetic for money and quantities. Binary floats cannot hold 0.1 exactly, so
 * money is parsed from its decimal text into an integer and a power-of-ten scale and rounded with
 * integer arithmetic (billing-domain.md §1.3: never sum binary floats).
 */

/** A decimal number held exactly: value = (negative ? -1 : 1) × digits × 10^-scale. */
export interface ExactDecimal {
  readonly negative: boolean;
  readonly digits: bigint;
  readonly scale: number;
}

// Optional sign, integer part, fraction, exponent; at least one digit is checked below.
const DECIMAL_TEXT = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
// Far beyond any value a sheet holds; it stops `1e999999` from building a gigantic bigint.
const MAX_EXPONENT = 1000;

/**
 * Reads decimal text such as `1234.5`, `.5`, `-3` or `1e+20` exactly; undefined when the text is
 * not a plain decimal number (no thousands separators, no currency signs, no spaces).
 */
export function exactDecimalFromText(text: string): ExactDecimal | undefined {
  const match = DECIMAL_TEXT.exec(text);
  if (!match) return undefined;
  const [, sign, whole = '', fraction = '', exponentText] = match;
  if (whole === '' && fraction === '') return undefined;
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  if (Math.abs(exponent) > MAX_EXPONENT) return undefined;
  let digits = BigInt(`${whole}${fraction}` || '0');
  let scale = fraction.length - exponent;
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { negative: sign === '-' && digits !== 0n, digits, scale };
}

/**
 * A finite JavaScript number as an exact decimal of its shortest round-trip text, which is the
 * value a person typed: 1.005 is read as 1.005, not as the binary float just below it.
 */
export function exactDecimalFromNumber(value: number): ExactDecimal | undefined {
  if (!Number.isFinite(value)) return undefined;
  return exactDecimalFromText(String(value));
}

/**
 * The decimal multiplied by 10^targetScale and rounded half away from zero to an integer:
 * `roundToScale(1.005, 2)` is 101n, `roundToScale(-0.125, 2)` is -13n.
 */
export function roundToScale(value: ExactDecimal, targetScale: number): bigint {
  let magnitude: bigint;
  if (value.scale <= targetScale) {
    magnitude = value.digits * 10n ** BigInt(targetScale - value.scale);
  } else {
    const divisor = 10n ** BigInt(value.scale - targetScale);
    magnitude = value.digits / divisor;
    // Half away from zero on the magnitude: round up when the remainder is at least half.
    if ((value.digits % divisor) * 2n >= divisor) magnitude += 1n;
  }
  return value.negative ? -magnitude : magnitude;
}

/** The exact product of an integer and a decimal, e.g. unit price cents × quantity. */
export function multiplyExact(integer: bigint, value: ExactDecimal): ExactDecimal {
  const product = integer * value.digits;
  const negative = product < 0n !== value.negative && product !== 0n;
  return { negative, digits: product < 0n ? -product : product, scale: value.scale };
}
