// A desk registers a walk-in; the badge printed for them scans "admitted" and counts in their
// group from the first scan.
import { describe, expect } from 'vitest'
import type { Attendee } from '../../shared/domain.js'
import type { HubApi } from '../helpers/hub-api.js'
import { test } from '../helpers/hub-fixture.js'
import { submission } from '../helpers/submissions.js'
import { until } from '../helpers/until.js'

/** every test here has a paired kiosk that registers walk-ins with its own credential */
const it = test.extend<{ register: (body: unknown, as?: string) => Promise<Response> }>({
  register: async ({ api, kiosk }, use) => use((body, as = kiosk.token) => api.post('/api/admin/walk-ins', body, as)),
})

async function guests(api: HubApi) {
  const usher = await api.usher()
  const res = await usher.emitWithAck('stats:get', { dayId: 'd1' })
  usher.disconnect()
  if (!res.ok) throw new Error(res.error)
  return res.stats.groups.find((g) => g.key === 'guests')!
}

describe('walk-ins', () => {
  it('a kiosk registers a walk-in whose badge scans admitted and counts in the group', async ({
    hub: t,
    api,
    kiosk: { kioskId, socket: kiosk },
    register,
  }) => {
    const changed: number[] = []
    kiosk.on('registry:changed', ({ rev }) => changed.push(rev))
    const before = await guests(api)

    const res = await register({
      firstName: '  Musa ',
      lastName: 'Hamisi',
      groupId: 'guests',
      phone: '0754 222 333',
      organisation: 'Chuo Kikuu cha Dodoma',
      title: 'Dkt.',
      category: 'researcher',
    })
    expect(res.status).toBe(200)
    const { attendee } = (await res.json()) as { attendee: Attendee }
    expect(attendee).toMatchObject({
      firstName: 'Musa',
      lastName: 'Hamisi',
      walkIn: true,
      seq: 11,
      badgeVersion: 1,
      groupId: 'guests',
      phone: '+255754222333',
      rev: t.store.data.rev,
    })
    expect(t.store.data.badges.filter((b) => b.attendeeId === attendee.id)).toEqual([
      { attendeeId: attendee.id, version: 1, issuedAt: t.clock.now.toISOString(), by: kioskId, reason: 'walk_in' },
    ])
    await until(() => changed.includes(t.store.data.rev), 5000, 'registry:changed')
    expect(await guests(api)).toEqual({ key: 'guests', checkedIn: before.checkedIn, expected: before.expected + 1 })

    const code = t.store.signBadge({ attendeeSeq: attendee.seq, badgeVersion: 1 })
    const scan = await kiosk.emitWithAck('checkin:submit', submission(kioskId, { code }))
    expect(scan).toMatchObject({ ok: true, record: { outcome: 'admitted', attendeeId: attendee.id, badgeVersion: 1, dayId: 'd1' } })
    expect(await guests(api)).toEqual({ key: 'guests', checkedIn: before.checkedIn + 1, expected: before.expected + 1 })
  })

  it('the admin may register one too; each walk-in gets the next seq', async ({ hub: t, register }) => {
    const a = (await (await register({ firstName: 'Ali', lastName: 'Omari', groupId: 'ict' }, t.adminToken)).json()) as {
      attendee: Attendee
    }
    const b = (await (await register({ firstName: 'Mary', lastName: 'Urio', groupId: 'ict' })).json()) as { attendee: Attendee }
    expect([a.attendee.seq, b.attendee.seq]).toEqual([11, 12])
    expect(a.attendee.id).not.toBe(b.attendee.id)
  })

  it('refuses an unknown group, a bad phone and a missing name; a known phone needs force', async ({ hub: t, register }) => {
    const count = t.store.data.attendees.length
    expect((await register({ firstName: 'A', lastName: 'B', groupId: 'students' })).status).toBe(400)
    expect((await register({ firstName: 'A', lastName: 'B', groupId: 'ict', phone: '12345' })).status).toBe(400)
    expect((await register({ firstName: ' ', lastName: 'B', groupId: 'ict' })).status).toBe(400)
    const known = await register({ firstName: 'Neema', lastName: 'N.', groupId: 'ict', phone: '0712 000 000' })
    expect(known.status).toBe(409)
    expect(await known.json()).toMatchObject({ error: 'duplicate_phone', attendee: { id: 'A0001' } })
    expect(t.store.data.attendees.length).toBe(count)
    expect((await register({ firstName: 'Neema', lastName: 'N.', groupId: 'ict', phone: '0712 000 000', force: true })).status).toBe(200)
    expect(t.store.data.attendees.length).toBe(count + 1)
  })
})
