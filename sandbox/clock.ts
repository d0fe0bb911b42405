/** The sandbox's notion of "now": real time plus an offset that tests and `/_sandbox/clock` move. */
export interface Clock {
  now(): Date;
  advance(seconds: number): void;
}

export function createClock(start?: Date): Clock {
  // With a start the clock is frozen there (deterministic tests); without one it follows real time.
  let offsetMs = 0;
  const base = start ? () => start.getTime() : () => Date.now();
  return {
    now: () => new Date(base() + offsetMs),
    advance(seconds) {
      if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError('advance takes a non-negative number of seconds');
      offsetMs += Math.round(seconds * 1000);
    },
  };
}
