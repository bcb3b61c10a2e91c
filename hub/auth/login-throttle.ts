// Slows down guessing: each failed credential from an address delays that address's next
// answers, doubling up to a cap, and a success clears it.
export class LoginThrottle {
  private failures = new Map<string, { count: number; last: number }>()

  constructor(
    private baseMs = 250,
    private maxMs = 4000,
    private now = () => Date.now(),
  ) {}

  delayFor(address: string): number {
    const f = this.failures.get(address)
    if (!f) return 0
    if (this.now() - f.last > 10 * 60_000) {
      this.failures.delete(address)
      return 0
    }
    return Math.min(this.maxMs, this.baseMs * 2 ** (f.count - 1))
  }

  failed(address: string) {
    const f = this.failures.get(address) ?? { count: 0, last: 0 }
    f.count++
    f.last = this.now()
    this.failures.set(address, f)
    if (this.failures.size > 10_000) this.failures.delete(this.failures.keys().next().value!)
  }

  succeeded(address: string) {
    this.failures.delete(address)
  }
}
