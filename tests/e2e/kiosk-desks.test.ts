// Two desks and an unreliable hub, through the kiosk screen: a badge used at one desk is amber
// at the next, naming the first; with the hub gone the kiosk still admits, says it is offline,
// and the hub gets the check-in once it is back.
import { describe, expect } from 'vitest'
import { until } from '../helpers/until.js'
import { DAY1_9AM, kioskTest as it, resultOf, scanWithWedge, statusOnline } from './kiosk-helpers.js'

describe('kiosk screen: desks and the hub', () => {
  it('the same badge at a second desk is amber, with the first desk and time', { timeout: 25_000 }, async ({ stack, openPage }) => {
    const agentA = await stack.addKiosk('desk-1', DAY1_9AM)
    const agentB = await stack.addKiosk('desk-2', DAY1_9AM)
    const [a, b] = await Promise.all([openPage(agentA), openPage(agentB)])
    const code = stack.hub.store.signBadge({ attendeeSeq: 1, badgeVersion: 1 })

    await scanWithWedge(a!.page, code)
    expect((await resultOf(a!.page)).outcome).toBe('admitted')
    await until(() => agentB.kiosk.records.ledger.records.size === 1, 10_000, 'desk-2 heard of the check-in')

    expect(await b!.page.getByTestId('status-desk').innerText()).toContain('Meza 2')
    await scanWithWedge(b!.page, code)
    const r = await resultOf(b!.page)
    expect(r.outcome).toBe('already_checked_in')
    expect(r.text).toContain('Umeshaingia leo')
    expect(r.text).toContain("Neema Ng'wanangwa")
    // the kiosks' clocks say 09:00, the hub's 08:00: times are placed on the hub's clock
    expect(await b!.page.getByTestId('result-first').innerText()).toBe('Uliingia 08:00, Meza 1')
    expect(await b!.page.getByTestId('kiosk-result').getAttribute('class')).toContain('tone-warn')
  })

  it(
    'with the hub stopped the kiosk still admits and shows offline; the hub gets the check-in when back',
    { timeout: 30_000 },
    async ({ stack, openPage }) => {
      const agent = await stack.addKiosk('desk-1', DAY1_9AM)
      const kiosk = await openPage(agent)
      const { page } = kiosk
      expect(await statusOnline(page)).toBe('true')
      const code = stack.hub.store.signBadge({ attendeeSeq: 6, badgeVersion: 1 })

      await stack.stopHub()
      await expect.poll(() => statusOnline(page), { timeout: 10_000 }).toBe('false')
      expect(await page.getByTestId('status-online').innerText()).toBe('Nje ya mtandao')

      await scanWithWedge(page, code)
      const r = await resultOf(page)
      expect(r.outcome).toBe('admitted')
      expect(r.text).toContain('Godfrey Mollel')
      expect(await page.getByTestId('result-note').getAttribute('data-flag')).toBe('press')
      await expect.poll(() => page.getByTestId('status-outbox').getAttribute('data-depth')).toBe('1')

      const hub = await stack.restartHub()
      await until(
        () => [...hub.store.ledger.records.values()].some((rec) => rec.attendeeId === 'A0006' && rec.outcome === 'admitted'),
        15_000,
        'hub has the offline check-in',
      )
      expect([...hub.store.ledger.records.values()].filter((rec) => rec.attendeeId === 'A0006')).toHaveLength(1)
      await expect.poll(() => statusOnline(page), { timeout: 10_000 }).toBe('true')
      await expect.poll(() => page.getByTestId('status-outbox').getAttribute('data-depth')).toBe('0')
    },
  )
})
