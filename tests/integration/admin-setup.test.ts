// Event setup, kiosks and credentials through a real hub: what the organiser changes reaches
// the kiosks, and what could break the event is refused.
import { describe, expect } from 'vitest'
import { checkPin } from '../../node-shared/pin.js'
import type { EventInfo } from '../../shared/domain.js'
import type { KioskStatus } from '../../shared/protocol.js'
import type { HubApi } from '../helpers/hub-api.js'
import { it } from '../helpers/hub-fixture.js'
import { until } from '../helpers/until.js'

async function editable(api: HubApi): Promise<Omit<EventInfo, 'badgePublicKey'>> {
  const res = (await (await api.call('GET', '/api/admin/event')).json()) as { event: EventInfo; usage: { groups: Record<string, number> } }
  expect(res.usage.groups).toMatchObject({ ict: 6, leaders: 2, guests: 2 })
  const { badgePublicKey: _key, ...rest } = res.event
  return rest
}

describe('event setup', () => {
  it('saves names, days, groups, halls and desks; kiosks are told and pull the new event', async ({ hub: t, api }) => {
    const paired = await t.pairKiosk()
    const kiosk = await t.client(paired.token)
    const revs: number[] = []
    kiosk.on('registry:changed', ({ rev }) => revs.push(rev))
    const event = await editable(api)
    const next = {
      ...event,
      name: { sw: 'Kikao Kazi 2026', en: 'Working Session 2026' },
      days: [...event.days, { id: 'd4', date: '2026-11-27', name: { sw: 'Siku ya 4', en: 'Day 4' } }],
      groups: [
        ...event.groups.map((g) => (g.id === 'leaders' ? { ...g, days: ['d3', 'd4'] } : g)),
        { id: 'press', name: { sw: 'Wanahabari', en: 'Press' }, color: '#999999', days: ['d4'] },
      ],
      halls: [...event.halls, { id: 'hall-b', name: { sw: 'Ukumbi B', en: 'Hall B' }, capacity: 150 }],
      desks: [...event.desks, { id: 'desk-b', name: { sw: 'Meza B', en: 'Desk B' }, hallId: 'hall-b' }],
    }
    const { timezone: _tz, ...withoutTimezone } = next
    const res = await api.call('PUT', '/api/admin/event', withoutTimezone)
    expect(res.status).toBe(200)
    expect(t.store.data.event).toMatchObject({
      name: next.name,
      timezone: 'Africa/Dar_es_Salaam',
      badgePublicKey: t.store.registry.event.badgePublicKey,
    })
    expect(t.store.registry.groups.get('leaders')?.days).toEqual(['d3', 'd4'])
    await until(() => revs.includes(t.store.data.rev), 5000, 'registry:changed')
    const delta = await kiosk.emitWithAck('registry:pull', { since: t.store.data.rev - 1 })
    expect(delta.ok && delta.event.name.en).toBe('Working Session 2026')
    expect(delta.ok && delta.event.desks.map((d) => d.id)).toContain('desk-b')
  })

  it('refuses removing a group in use, an unknown day or hall, a changed badge key, a bad time zone', async ({ hub: t, api }) => {
    const event = await editable(api)
    const rev = t.store.data.rev
    const cases: [unknown, string][] = [
      [{ ...event, groups: event.groups.filter((g) => g.id !== 'leaders') }, 'group_in_use'],
      [{ ...event, groups: event.groups.map((g) => ({ ...g, days: [...g.days, 'd9'] })) }, 'unknown_day'],
      [{ ...event, desks: [{ id: 'x', name: { sw: 'x', en: 'x' }, hallId: 'nowhere' }] }, 'unknown_hall'],
      [{ ...event, badgePublicKey: 'AAAA' }, 'badge_key_fixed'],
      [{ ...event, timezone: 'Mars/Olympus' }, 'bad_timezone'],
      [{ ...event, halls: [...event.halls, event.halls[0]] }, 'duplicate_id'],
    ]
    for (const [body, code] of cases) {
      const res = await api.call('PUT', '/api/admin/event', body)
      expect(res.status, code).toBe(409)
      expect(
        ((await res.json()) as { problems: { code: string }[] }).problems.map((p) => p.code),
        code,
      ).toContain(code)
    }
    expect((await api.call('PUT', '/api/admin/event', { ...event, days: [] })).status).toBe(400)
    expect(t.store.data.rev).toBe(rev)
    // an unused group may go
    const added = await api.call('PUT', '/api/admin/event', {
      ...event,
      groups: [...event.groups, { id: 'spare', name: { sw: 'Akiba', en: 'Spare' }, color: '#123456', days: [] }],
    })
    expect(added.status).toBe(200)
    expect((await api.call('PUT', '/api/admin/event', event)).status).toBe(200)
    expect(t.store.data.event.groups.map((g) => g.id)).toEqual(['ict', 'leaders', 'guests'])
  })
})

describe('kiosks', () => {
  it('lists paired kiosks with presence; revoking one refuses its credential', async ({ hub: t, api }) => {
    const paired = await t.pairKiosk('Meza 1 kiosk')
    await t.client(paired.token)
    const list = async () =>
      (await (await api.call('GET', '/api/admin/kiosks')).json()) as { kiosks: (KioskStatus & { pairedAt: string })[]; origins: string[] }
    const before = await list()
    expect(before.kiosks).toEqual([
      expect.objectContaining({
        kioskId: paired.kioskId,
        name: 'Meza 1 kiosk',
        online: true,
        revoked: false,
        pairedAt: expect.any(String),
      }),
    ])
    expect(before.origins[0]).toBe(t.url)

    expect((await api.call('POST', `/api/admin/kiosks/${paired.kioskId}/revoke`)).status).toBe(200)
    expect((await list()).kiosks[0]).toMatchObject({ revoked: true })
    expect((await api.call('POST', `/api/admin/kiosks/${paired.kioskId}/revoke`)).status).toBe(404)
    expect((await api.call('POST', '/api/admin/walk-ins', { firstName: 'A', lastName: 'B', groupId: 'ict' }, paired.token)).status).toBe(
      401,
    )
    await expect(t.client(paired.token)).rejects.toThrow('unauthorized')
  })
})

describe('credentials', () => {
  it('changing the admin credential refuses the old one and returns the new one once', async ({ hub: t, api }) => {
    const res = await api.call('POST', '/api/admin/credentials/admin')
    const { token } = (await res.json()) as { token: string }
    expect(token).toMatch(/^kba_/)
    expect((await api.call('GET', '/api/admin/event')).status).toBe(401)
    expect((await api.call('GET', '/api/admin/event', undefined, token)).status).toBe(200)
    expect(JSON.stringify(t.store.data.credentials)).not.toContain(token)
  })

  it('makes usher credentials with a dashboard link, and revokes them (ushers only)', async ({ hub: t, api }) => {
    const made = (await (await api.call('POST', '/api/admin/credentials/ushers', { label: 'Protocol phone' })).json()) as {
      usher: { id: string; token: string; path: string }
    }
    expect(made.usher.path).toBe(`/dashboard#token=${made.usher.token}`)
    const stats = () => fetch(`${t.url}/api/stats`, { headers: { Authorization: `Bearer ${made.usher.token}` } })
    expect((await stats()).status).toBe(200)
    const list = (await (await api.call('GET', '/api/admin/credentials')).json()) as {
      ushers: { id: string; label: string; revoked: boolean }[]
    }
    expect(list.ushers.map((u) => u.label)).toEqual(['Wahudumu / Ushers', 'Protocol phone'])
    const dashboard = await t.client(made.usher.token)
    const other = await t.client(t.usherToken)
    expect((await api.call('POST', `/api/admin/credentials/${made.usher.id}/revoke`)).status).toBe(200)
    expect((await stats()).status).toBe(401)
    // a dashboard already open with it is cut off too (credentials are checked at the handshake)
    await until(() => !dashboard.connected, 5000, 'revoked usher socket closed')
    expect(other.connected).toBe(true)
    const adminId = t.store.data.credentials.find((c) => c.role === 'admin')!.id
    expect((await api.call('POST', `/api/admin/credentials/${adminId}/revoke`)).status).toBe(404)
    expect((await api.call('GET', '/api/admin/event')).status).toBe(200)
    expect((await api.call('POST', '/api/admin/credentials/ushers', { label: '' })).status).toBe(400)
  })

  it('sets the kiosk exit PIN (4–12 digits); kiosks get the new hash', async ({ hub: t, api }) => {
    const paired = await t.pairKiosk()
    const kiosk = await t.client(paired.token)
    for (const pin of ['123', '1234567890123', '12a4', 1234])
      expect((await api.call('PUT', '/api/admin/kiosk-exit-pin', { pin })).status, String(pin)).toBe(400)
    expect((await api.call('PUT', '/api/admin/kiosk-exit-pin', { pin: '2468' })).status).toBe(200)
    expect(checkPin('2468', t.store.data.kioskExitPinHash!)).toBe(true)
    const delta = await kiosk.emitWithAck('registry:pull', { since: 0 })
    expect(delta.ok && checkPin('2468', delta.exitPinHash!)).toBe(true)
  })
})
