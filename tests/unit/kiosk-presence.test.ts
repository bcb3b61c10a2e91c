// Presence with several hubs: while the other hubs cannot be heard (Redis away) every kiosk in
// the list says the list is this hub's own view; each kiosk names the hub it is on; and when
// Redis is back the hub re-announces all its kiosks at once.
import { describe, expect, it } from 'vitest'
import { KioskPresence, REMOTE_LAPSE_MS, type PresenceReport } from '../../hub/kiosks/kiosk-presence.js'

const kiosks = [
  { id: 'k1', name: 'Meza 1', pairedAt: '2026-12-01T06:00:00.000Z' },
  { id: 'k2', name: 'Meza 2', pairedAt: '2026-12-01T06:00:00.000Z' },
]

describe('kiosk presence across hubs', () => {
  it('flags every kiosk while the other hubs are not heard, and not after', () => {
    const p = new KioskPresence()
    p.connected('k1', 1000)
    p.otherHubsHeard(false)
    expect(p.list(kiosks, 2000).map((k) => k.presenceLocalOnly)).toEqual([true, true])
    p.otherHubsHeard(true)
    expect(p.list(kiosks, 2000).map((k) => k.presenceLocalOnly)).toEqual([undefined, undefined])
  })

  it('names the hub each kiosk is on: this one, or the one another hub reported', () => {
    const p = new KioskPresence()
    p.connected('k1', 1000)
    p.reachedAt('k1', 'hub-a.lan:4280')
    p.heard({ kioskId: 'k2', online: true, lastSeen: 1500, outboxDepth: 0, clockOffsetMs: 0, deskId: null, hub: 'hub-b.lan:4280' }, 1500)
    expect(p.list(kiosks, 2000).map((k) => [k.online, k.hub])).toEqual([
      [true, 'hub-a.lan:4280'],
      [true, 'hub-b.lan:4280'],
    ])
    // another hub's word lapses: no longer online, and on no hub
    expect(p.list(kiosks, 1500 + REMOTE_LAPSE_MS).map((k) => [k.online, k.hub])[1]).toEqual([false, undefined])
  })

  it('announces every kiosk here at once (Redis back)', () => {
    const sent: PresenceReport[] = []
    const p = new KioskPresence((r) => sent.push(r))
    p.connected('k1', 1000)
    p.connected('k2', 1000)
    p.disconnected('k2', 1200)
    sent.length = 0
    p.announceAll()
    expect(sent.map((r) => [r.kioskId, r.online])).toEqual([
      ['k1', true],
      ['k2', false],
    ])
  })
})
