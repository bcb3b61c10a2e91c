// Dashboards (usher and admin credentials) share budgets across their sockets: one usher
// credential is printed at every start and handed round as a QR code, so a per-socket budget
// alone lets 40 sockets take 40 times the hub's time from the kiosks. Kiosks keep their own
// per-socket budget and are never counted here: check-ins come first.
import { RateLimiterMemory } from 'rate-limiter-flexible'

export interface DashboardBudgetLimits {
  /** requests a second one dashboard credential may make, over all its sockets */
  perCredential: number
  /** requests a second dashboards at one address may make, over all their credentials */
  perAddress: number
}

export const DASHBOARD_LIMITS: DashboardBudgetLimits = { perCredential: 100, perAddress: 40 }

export class DashboardBudget {
  private credential: RateLimiterMemory
  private address: RateLimiterMemory

  constructor(limits: DashboardBudgetLimits = DASHBOARD_LIMITS) {
    this.credential = new RateLimiterMemory({ keyPrefix: 'dash-credential', points: limits.perCredential, duration: 1 })
    this.address = new RateLimiterMemory({ keyPrefix: 'dash-address', points: limits.perAddress, duration: 1 })
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
    const [a, b] = await Promise.allSettled([this.credential.consume(principal), this.address.consume(address)])
    return a.status === 'fulfilled' && b.status === 'fulfilled'
  }
}
