/**
 * A seeded generator for property-style tests: the same values on every run,
 * so a failure names an input that can be replayed. Mulberry32.
 */
export function seeded(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  /** An integer in [min, max]. */
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  /** `length` decimal digits, leading zeros allowed. */
  const digits = (length: number) => Array.from({ length }, () => String(int(0, 9))).join('');
  const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)]!;
  return { next, int, digits, pick };
}
