import { describe, expect, it } from 'vitest'
import { Attendee, EventInfo, type Flag } from '../../shared/domain.js'
import { createDemoEvent } from '../../hub/demo/demo-event.js'

const KEY = 'x'.repeat(43)
const demo = createDemoEvent({ firstDay: '2026-03-30', badgePublicKey: KEY })
const { event, attendees } = demo
const count = (flag: Flag) => attendees.filter((a) => a.flags.includes(flag)).length
const unique = (values: unknown[]) => new Set(values).size === values.length

describe('createDemoEvent', () => {
  it('returns an event and 1000 attendees that pass the schemas unchanged', () => {
    expect(EventInfo.parse(event)).toEqual(event)
    expect(attendees).toHaveLength(1000)
    for (const a of attendees) expect(Attendee.parse(a)).toEqual(a)
    expect(event.badgePublicKey).toBe(KEY)
    expect(event.timezone).toBe('Africa/Dar_es_Salaam')
  })

  it('has 4 days with consecutive dates from firstDay, across a month end', () => {
    expect(event.days.map((d) => d.id)).toEqual(['d1', 'd2', 'd3', 'd4'])
    expect(event.days.map((d) => d.date)).toEqual(['2026-03-30', '2026-03-31', '2026-04-01', '2026-04-02'])
  })

  it('rejects a firstDay that is not a real date', () => {
    expect(() => createDemoEvent({ firstDay: '2026-02-30', badgePublicKey: KEY })).toThrow(RangeError)
    expect(() => createDemoEvent({ firstDay: '30/03/2026', badgePublicKey: KEY })).toThrow(RangeError)
  })

  it('has groups that attend on different days, all of them on day 4', () => {
    expect(event.groups.length).toBeGreaterThanOrEqual(3)
    expect(new Set(event.groups.map((g) => g.days.join(','))).size).toBeGreaterThanOrEqual(3)
    expect(new Set(event.groups.map((g) => g.color.toLowerCase())).size).toBe(event.groups.length)
    for (const g of event.groups) expect(g.days).toContain('d4')
    const dayIds = new Set(event.days.map((d) => d.id))
    for (const g of event.groups) for (const d of g.days) expect(dayIds).toContain(d)
  })

  it('puts every desk in a known hall and every attendee in a known group', () => {
    const halls = new Set(event.halls.map((h) => h.id))
    expect(event.desks.length).toBeGreaterThanOrEqual(4)
    for (const d of event.desks) if (d.hallId) expect(halls).toContain(d.hallId)
    const groups = new Set(event.groups.map((g) => g.id))
    for (const a of attendees) expect(groups).toContain(a.groupId)
  })

  it('keeps group consistent with category', () => {
    for (const a of attendees) {
      if (a.category === 'innovator' || a.category === 'researcher') expect(a.groupId).toBe('innovators')
      if (a.category === 'press') expect(a.groupId).toBe('guests')
      if (a.flags.includes('exhibitor')) expect(a.groupId).toBe('innovators')
    }
  })

  it('has names with apostrophes', () => {
    expect(attendees.some((a) => a.lastName.includes("'") || a.firstName.includes("'"))).toBe(true)
  })

  it('has unique ids, seqs, external ids, phones and emails', () => {
    expect(attendees.map((a) => a.seq)).toEqual(attendees.map((_, i) => i + 1))
    expect(attendees[0]?.id).toBe('A0001')
    expect(attendees[0]?.externalId).toBe('REG-2026-00001')
    for (const key of ['id', 'seq', 'externalId', 'phone', 'email'] as const) {
      expect(unique(attendees.map((a) => a[key])), key).toBe(true)
    }
  })

  it('has valid +255 phones and plain lowercase emails', () => {
    for (const a of attendees) {
      expect(a.phone).toMatch(/^\+255[67]\d{8}$/)
      expect(a.email).toMatch(/^[a-z0-9]+\.[a-z0-9]+@[a-z0-9.-]+\.tz$/)
    }
  })

  it('has flagged people, including the minister as a VIP guest', () => {
    expect(count('vip')).toBeGreaterThanOrEqual(3)
    expect(count('press')).toBeGreaterThanOrEqual(3)
    expect(count('speaker')).toBeGreaterThanOrEqual(5)
    expect(count('exhibitor')).toBeGreaterThanOrEqual(5)
    expect(count('staff')).toBeGreaterThanOrEqual(5)
    expect(attendees.some((a) => a.title === 'Mhe.' && a.groupId === 'guests' && a.flags.includes('vip'))).toBe(true)
    expect(attendees.every((a) => a.walkIn === false && a.badgeVersion === 1 && a.rev === 1)).toBe(true)
  })

  it('is deterministic, and the seed changes it', () => {
    expect(createDemoEvent({ firstDay: '2026-03-30', badgePublicKey: KEY })).toEqual(demo)
    expect(createDemoEvent({ firstDay: '2026-03-30', badgePublicKey: KEY, seed: 7 })).toEqual(
      createDemoEvent({ firstDay: '2026-03-30', badgePublicKey: KEY, seed: 7 }),
    )
    expect(createDemoEvent({ firstDay: '2026-03-30', badgePublicKey: KEY, seed: 7 }).attendees).not.toEqual(attendees)
  })

  it('honours the attendees option', () => {
    const small = createDemoEvent({ firstDay: '2026-03-30', badgePublicKey: KEY, attendees: 50 }).attendees
    expect(small).toHaveLength(50)
    expect(small.map((a) => a.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
    for (const a of small) Attendee.parse(a)
    expect(small.some((a) => a.flags.includes('vip'))).toBe(true)
    expect(createDemoEvent({ firstDay: '2026-03-30', badgePublicKey: KEY, attendees: 0 }).attendees).toEqual([])
    expect(() => createDemoEvent({ firstDay: '2026-03-30', badgePublicKey: KEY, attendees: 1.5 })).toThrow(RangeError)
  })
})
