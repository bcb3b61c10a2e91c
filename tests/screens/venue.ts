// The venue the screen gallery and the layout tests look at: the test event stretched to the
// longest real content a screen must hold — five days, a group name that runs to two lines, a
// 60-character name, the longest institution, nineteen people sharing a surname — with a real
// hub and real kiosk agents paired with it.
import type { Attendee, EventInfo } from '../../shared/domain.js'
import { at, testEvent } from '../fixtures/event.js'
import { startStack, type Stack } from '../helpers/stack.js'
import { DAY1_9AM } from '../e2e/kiosk-helpers.js'

export const LONG_NAME = 'Anna-Maria Christina Nyakahanga Ng’wanangwa-Mwakalinga'
export const LONG_INSTITUTION = 'Halmashauri ya Jiji la Dar es Salaam — Idara ya Teknolojia ya Habari na Mawasiliano'
export const LONG_GROUP = {
  sw: 'Wakurugenzi wa Halmashauri za Wilaya, Miji na Manispaa (Tawala za Mikoa)',
  en: 'Directors of District, Town and Municipal Councils (Regional Administration)',
}
export const SHARED_SURNAME = 'Mollel'

export function screensEvent(badgePublicKey: string): { event: EventInfo; attendees: Attendee[] } {
  const base = testEvent(badgePublicKey)
  const plus = (n: number) => new Date(Date.parse(`${base.event.days[0]!.date}T12:00:00Z`) + n * 86400_000).toISOString().slice(0, 10)
  const event: EventInfo = {
    ...base.event,
    name: { sw: 'Kikao Kazi cha Kitaifa cha Serikali Mtandao 2026', en: 'National e-Government Working Session 2026' },
    venue: 'Arusha International Conference Centre (AICC), Arusha',
    days: [
      ...base.event.days,
      { id: 'd4', date: plus(3), name: { sw: 'Siku ya 4', en: 'Day 4' } },
      { id: 'd5', date: plus(4), name: { sw: 'Siku ya 5 — Kufunga', en: 'Day 5 — Closing' } },
    ],
    groups: [...base.event.groups, { id: 'directors', name: LONG_GROUP, color: '#6a3d9a', days: ['d2', 'd3', 'd4', 'd5'] }],
    categories: [
      { id: 'ICT officers', name: { sw: 'Maafisa TEHAMA', en: 'ICT officers' } },
      { id: 'accounting officers', name: { sw: 'Maafisa masuuli', en: 'Accounting officers' } },
    ],
  }
  const [first, ...rest] = LONG_NAME.split(' ')
  const extra: Omit<Attendee, 'id' | 'seq'>[] = [
    {
      ...base.attendees[0]!,
      externalId: 'REG-LONG',
      title: 'Mhe. Dkt.',
      firstName: [first, ...rest.slice(0, 2)].join(' '),
      lastName: rest.slice(2).join(' '),
      organisation: LONG_INSTITUTION,
      groupId: 'ict',
      flags: ['vip'],
    },
    // a lost badge: version 2 is current, so the code printed as version 1 is refused
    { ...base.attendees[1]!, externalId: 'REG-REPRINT', firstName: 'Salma', lastName: 'Kikwete', badgeVersion: 2 },
    ...Array.from({ length: 19 }, (_, i) => ({
      ...base.attendees[3]!,
      externalId: `REG-M${i + 1}`,
      firstName: ['Lucy', 'Peter', 'Joyce', 'Daniel', 'Grace', 'Elia', 'Rose', 'Isaya', 'Mary', 'Loishiye'][i % 10]!,
      lastName: SHARED_SURNAME,
      title: i % 3 === 0 ? 'Dkt.' : 'Bi.',
      organisation: i % 2 ? 'Wizara ya Fedha' : LONG_INSTITUTION,
      groupId: i % 4 === 0 ? 'directors' : 'ict',
    })),
  ]
  const attendees = [
    ...base.attendees,
    ...extra.map((a, i) => ({
      ...a,
      id: `A${String(base.attendees.length + i + 1).padStart(4, '0')}`,
      seq: base.attendees.length + i + 1,
    })),
  ]
  return { event, attendees }
}

export interface Venue {
  stack: Stack
  /** a badge code as printed for this attendee (version given, or their current one) */
  badge(attendeeId: string, version?: number): string
  attendee(externalId: string): Attendee
}

/** A hub at 09:00 on day 1 with desk-1's kiosk paired and synced, and a morning of check-ins. */
export async function openVenue(): Promise<Venue> {
  const stack = await startStack({ seed: screensEvent, now: DAY1_9AM })
  const attendee = (externalId: string) => {
    const a = [...stack.hub.store.registry.attendees].find((x) => x.externalId === externalId)
    if (!a) throw new Error(`no attendee ${externalId}`)
    return a
  }
  const badge = (attendeeId: string, version?: number) => {
    const a = stack.hub.store.registry.byId.get(attendeeId)
    if (!a) throw new Error(`no attendee ${attendeeId}`)
    return stack.hub.store.signBadge({ attendeeSeq: a.seq, badgeVersion: version ?? a.badgeVersion })
  }
  // a morning's arrivals, so the dashboard has figures and a full exhibition hall
  const people = [
    'REG-1',
    'REG-2',
    'REG-4',
    'REG-5',
    'REG-6',
    'REG-7',
    'REG-9',
    'REG-10',
    ...Array.from({ length: 6 }, (_, i) => `REG-M${i * 3 + 2}`),
  ]
  for (const [i, ext] of people.entries()) {
    const a = attendee(ext)
    await stack.hub.store.submit({
      id: `screens-arrival-${i}`,
      kioskId: 'screens',
      deskId: i < 3 ? 'expo-door' : 'desk-1',
      attendeeId: a.id,
      kind: 'in',
      method: 'qr',
      scannedAt: at(`08:${String(10 + i * 3).padStart(2, '0')}`),
      clockOffsetMs: 0,
    })
  }
  // two desks let the same person in while apart: a case for the ushers to review
  await stack.hub.store.submit({
    id: 'screens-double-1',
    kioskId: 'screens-2',
    deskId: 'desk-2',
    attendeeId: attendee('REG-6').id,
    kind: 'in',
    method: 'search',
    scannedAt: at('08:55'),
    clockOffsetMs: 0,
    localOutcome: 'admitted',
  })
  return { stack, badge, attendee }
}
