/**
 * The seeded random numbers the local CRM test servers use for their data sets and random faults.
 */

/** A seeded random number generator (mulberry32, as in lib/sample/random.ts): the same seed, the same numbers in [0, 1). @param {number} seed @returns {() => number} */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One of `items`, drawn with `random`. @template T @param {() => number} random @param {readonly T[]} items @returns {T} */
export const pick = (random, items) => /** @type {T} */ (items[Math.floor(random() * items.length)]);
