// Random choices a failing run can replay: a small seeded generator (mulberry32), its seed
// printed at the start, and taken from an env var to run the same choices again.
export interface SeededRandom {
  seed: number
  /** in [0, 1), like Math.random */
  next(): number
}

export function seededRandom(seed: number): SeededRandom {
  let a = seed >>> 0
  return {
    seed,
    next() {
      a = (a + 0x6d2b79f5) >>> 0
      let t = a
      t = Math.imul(t ^ (t >>> 15), t | 1)
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296
    },
  }
}

/** The seed in `envVar` (to replay a run), or a fresh one; either way it is printed. */
export function seedFromEnv(envVar: string, what: string): SeededRandom {
  const given = process.env[envVar]
  const seed = given !== undefined && given !== '' ? Number(given) : Math.floor(Math.random() * 2 ** 32)
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32)
    throw new Error(`${envVar} must be a whole number from 0 to 4294967295, not "${given}"`)
  console.log(`${what}: seed ${seed} (replay with ${envVar}=${seed})`)
  return seededRandom(seed)
}
