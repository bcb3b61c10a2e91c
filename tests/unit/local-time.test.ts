import { describe, expect, it } from 'vitest'
import { calendarDate, clockTime, dayDate, dayWithWeekday, isoWithOffset } from '../../shared/local-time.js'

const TZ = 'Africa/Dar_es_Salaam'
const at = new Date('2026-12-03T13:39:05Z') // 16:39:05 in Dar es Salaam (UTC+3)

describe('local time as people read it', () => {
  it('writes the 24-hour clock in the event zone, never "saa"', () => {
    expect(clockTime(at, TZ)).toBe('16:39')
    expect(clockTime(at, TZ, { seconds: true })).toBe('16:39:05')
    expect(clockTime('not a time', TZ)).toBe('')
  })
  it('writes dates as dd/mm/yyyy, in the event zone (late UTC evening is the next day there)', () => {
    expect(calendarDate(new Date('2026-12-02T22:30:00Z'), TZ)).toBe('03/12/2026')
    expect(dayDate('2026-12-03')).toBe('03/12/2026')
    expect(dayWithWeekday('2026-12-03', 'sw')).toBe('Alhamisi 03/12/2026')
    expect(dayWithWeekday('2026-12-03', 'en')).toBe('Thursday 03/12/2026')
  })
  it('gives exports ISO 8601 with the offset', () => {
    expect(isoWithOffset(at, TZ)).toBe('2026-12-03T16:39:05+03:00')
    expect(isoWithOffset(at, 'UTC')).toBe('2026-12-03T13:39:05+00:00')
    expect(isoWithOffset(new Date('2026-07-01T12:00:00Z'), 'America/New_York')).toBe('2026-07-01T08:00:00-04:00')
  })
})
