// An usher credential cannot starve the kiosks: 40 dashboard sockets flooding `stats:get` share
// one budget per credential and per address (not 400 a second each), a kiosk's check-in is
// answered while they flood, and the figures they get are the ones already computed.
// The budgets' one-second windows read the clock, which stands still here: each flood falls
// in one window, so what is served is exact, however slow the machine.
import { afterEach, beforeEach, describe, expect, vi } from 'vitest'
import { DASHBOARD_LIMITS } from '../../hub/pushes/dashboard-budget.js'
import { dayFigures } from '../../hub/pushes/dashboard-view.js'
import { it } from '../helpers/hub-fixture.js'
import { submission } from '../helpers/submissions.js'
import type { HubClient } from '../helpers/test-hub.js'

describe('dashboards flooding stats:get', () => {
  beforeEach(() => void vi.useFakeTimers({ toFake: ['Date'] }))
  afterEach(() => void vi.useRealTimers())

  it('40 usher sockets share one budget; a kiosk check-in is answered ok during the flood', async ({ api, kiosk }) => {
    const kioskSocket = kiosk.socket
    const ushers: HubClient[] = await Promise.all(Array.from({ length: 40 }, () => api.usher()))
    const flood = Promise.all(ushers.flatMap((u) => Array.from({ length: 25 }, () => u.timeout(5000).emitWithAck('stats:get', {}))))
    const checkin = await kioskSocket.emitWithAck('checkin:submit', submission(kiosk.kioskId, { attendeeId: 'A0001' }))
    const answers = await flood
    expect(checkin).toMatchObject({ ok: true, duplicate: false })
    const served = answers.filter((a) => a.ok).length
    const refused = answers.filter((a) => !a.ok)
    // 1,000 asked in one window: one window's worth of the smaller budget (one address) served
    expect(served).toBe(Math.min(DASHBOARD_LIMITS.perAddress, DASHBOARD_LIMITS.perCredential))
    expect(new Set(refused.map((a) => (a.ok ? '' : a.error)))).toEqual(new Set(['rate_limited']))
    // the kiosk's own budget is its own: all of these are answered
    const pings = await Promise.all(Array.from({ length: 50 }, () => kioskSocket.emitWithAck('clock:ping', { kioskTime: 0 })))
    expect(pings.every((p) => p.ok)).toBe(true)
  })

  it('a dashboard socket asking far past its budget in one second is cut off; the kiosk is not', async ({ hub: t, api, kiosk }) => {
    const kioskSocket = kiosk.socket
    const usher = await api.usher()
    const gone = new Promise<string>((resolve) => usher.once('disconnect', resolve))
    const answers = await Promise.all(
      Array.from({ length: 200 }, () =>
        usher
          .timeout(5000)
          .emitWithAck('stats:get', {})
          .catch(() => ({ ok: false, error: 'no answer' })),
      ),
    )
    expect(await gone).toBe('io server disconnect')
    // at most its own budget a second (hub/server/sockets.ts); answers still on their way when the cut-off closes the socket are lost
    expect(answers.filter((a) => a.ok).length).toBeLessThanOrEqual(20)
    expect(kioskSocket.connected).toBe(true)
    expect(await kioskSocket.emitWithAck('checkin:submit', submission(kiosk.kioskId, { attendeeId: 'A0002' }))).toMatchObject({ ok: true })
    // connecting again at once with the same credential from the same address is refused for a while
    await expect(t.client(t.usherToken)).rejects.toThrow('rate_limited')
    expect(await kioskSocket.emitWithAck('clock:ping', { kioskTime: 0 })).toMatchObject({ ok: true })
  })

  it('figures are computed once per change: the same object until a check-in, the registry or the second moves', async ({ hub: t }) => {
    const ctx = t.hub.ctx
    const day = t.store.data.event.days[0]!.id
    const now = t.clock.now
    const first = dayFigures(ctx, day, now)
    expect(dayFigures(ctx, day, now)).toBe(first)
    const kiosk = await t.pairKiosk('Desk 1 kiosk') // a registry change
    const afterPairing = dayFigures(ctx, day, now)
    expect(afterPairing).not.toBe(first)
    await t.store.submit(submission(kiosk.kioskId, { attendeeId: 'A0001' }))
    const afterCheckin = dayFigures(ctx, day, now)
    expect(afterCheckin).not.toBe(afterPairing)
    expect(afterCheckin.lastSeq).toBe(1)
    expect(dayFigures(ctx, day, new Date(now.getTime() + 1000))).not.toBe(afterCheckin)
  })
})
