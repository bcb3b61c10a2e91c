// Dashboards (usher and admin credentials) share budgets across their sockets: one usher
// credential is printed at every start and handed round as a QR code, so a per-socket budget
// alone lets 40 sockets take 40 times the hub's time from the kiosks. Kiosks keep their own
// per-socket budget and are never counted here: check-ins come first.

export interface DashboardBudgetLimits {
  /** requests a second one dashboard credential may make, over all its sockets */
  perCredential: number
  /** requests a second dashboards at one address may make, over all their credentials */
  perAddress: number
}

export const DASHBOARD_LIMITS: DashboardBudgetLimits = { perCredential: 100, perAddress: 40 }

/**
 * So many a second per key, the second starting at the key's first request. A window is read off
 * `now()` alone (no timer ends it), so a test's fake clock decides exactly when one ends.
 */
class OneSecondWindows {
  private windows = new Map<string, { start: number; used: number }>()

  constructor(
    private points: number,
    private now: () => number,
  ) {}

  /** true when the key had room; a refused request still counts */
  take(key: string): boolean {
    const now = this.now()
    let w = this.windows.get(key)
    if (!w || now - w.start >= 1000) {
      this.windows.delete(key)
      this.windows.set(key, (w = { start: now, used: 0 }))
      if (this.windows.size > 10_000) this.windows.delete(this.windows.keys().next().value!)
    }
    return ++w.used <= this.points
  }
}

export class DashboardBudget {
  private credential: OneSecondWindows
  private address: OneSecondWindows

  constructor(limits: DashboardBudgetLimits = DASHBOARD_LIMITS, now: () => number = () => Date.now()) {
    this.credential = new OneSecondWindows(limits.perCredential, now)
    this.address = new OneSecondWindows(limits.perAddress, now)
  }

  private cutOffUntil = new Map<string, number>()

  /** a dashboard socket of this credential at this address flooded: its next connections wait and are refused for a while */
  cutOff(principal: string, address: string, now: number, forMs = 10_000) {
    this.cutOffUntil.delete(`${principal}@${address}`)
    this.cutOffUntil.set(`${principal}@${address}`, now + forMs)
    if (this.cutOffUntil.size > 10_000) this.cutOffUntil.delete(this.cutOffUntil.keys().next().value!)
  }

  isCutOff(principal: string, address: string, now: number): boolean {
    const until = this.cutOffUntil.get(`${principal}@${address}`)
    if (until === undefined) return false
    if (until > now) return true
    this.cutOffUntil.delete(`${principal}@${address}`)
    return false
  }

  /** true when both budgets had room; a refused request still spends from both */
  async take(principal: string, address: string): Promise<boolean> {
    const a = this.credential.take(principal)
    const b = this.address.take(address)
    return a && b
  }
}
