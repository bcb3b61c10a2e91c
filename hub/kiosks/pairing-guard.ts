// Guessing pairing codes: one budget of wrong guesses for the whole code space, per minute, shared
// by every hub through Redis where there is one (a memory budget stands in while Redis is away),
// and a smaller one per address. A guess spends from both before the code is looked at, so
// parallel guesses cannot outrun it; a right code is given its point back. A valid credential
// elsewhere clears nothing. Failures are logged and the latest kept for the admin page.
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible'

export interface PairingFailure {
  at: string
  address: string
}

export interface PairingGuardLimits {
  /** wrong guesses a minute over all addresses (and all hubs, with Redis) */
  globalPerMinute: number
  /** wrong guesses a minute from one address */
  perAddressPerMinute: number
}

export const PAIRING_LIMITS: PairingGuardLimits = { globalPerMinute: 30, perAddressPerMinute: 10 }
const KEPT_FAILURES = 50
const GLOBAL_KEY = 'all-codes'

export class PairingGuard {
  private global: RateLimiterAbstract
  private address: RateLimiterAbstract
  private failures: PairingFailure[] = []
  /** guesses refused unread because a budget was spent, since the hub started */
  limited = 0

  constructor(options: { limits?: PairingGuardLimits; redis?: unknown; now?: () => Date } = {}) {
    const limits = options.limits ?? PAIRING_LIMITS
    this.now = options.now ?? (() => new Date())
    const memory = (keyPrefix: string, points: number) => new RateLimiterMemory({ keyPrefix, points, duration: 60 })
    const shared = (keyPrefix: string, points: number) =>
      options.redis
        ? new RateLimiterRedis({
            storeClient: options.redis,
            useRedisPackage: true,
            rejectIfRedisNotReady: true,
            keyPrefix: `karibu:${keyPrefix}`,
            points,
            duration: 60,
            insuranceLimiter: memory(keyPrefix, points),
          })
        : memory(keyPrefix, points)
    this.global = shared('pairing-global', limits.globalPerMinute)
    this.address = shared('pairing-address', limits.perAddressPerMinute)
  }

  private now: () => Date

  /** spends one guess for this address; false when either budget is spent (the code is then not looked at) */
  async take(address: string): Promise<boolean> {
    const [g, a] = await Promise.allSettled([this.global.consume(GLOBAL_KEY), this.address.consume(address)])
    if (g.status === 'fulfilled' && a.status === 'fulfilled') return true
    this.limited++
    return false
  }

  /** the code was right: the guess is given back */
  async succeeded(address: string) {
    await Promise.allSettled([this.global.reward(GLOBAL_KEY, 1), this.address.reward(address, 1)])
  }

  failed(address: string) {
    this.failures.push({ at: this.now().toISOString(), address })
    if (this.failures.length > KEPT_FAILURES) this.failures.shift()
  }

  /** newest first */
  recent(): PairingFailure[] {
    return [...this.failures].reverse()
  }
}
