// The event day of an instant, asked for every check-in: right on both sides of local midnight,
// however the asks follow each other.
import { describe, expect, it } from 'vitest'
import { localDate } from '../../shared/event-days.js'

describe('localDate', () => {
  it('turns at local midnight, not at UTC midnight, asked in the same minute and across it', () => {
    const tz = 'Africa/Dar_es_Salaam' // UTC+3
    expect(localDate(tz, new Date('2026-12-02T20:59:00.000Z'))).toBe('2026-12-02')
    expect(localDate(tz, new Date('2026-12-02T20:59:59.999Z'))).toBe('2026-12-02')
    expect(localDate(tz, new Date('2026-12-02T21:00:00.000Z'))).toBe('2026-12-03')
    expect(localDate(tz, new Date('2026-12-02T20:59:30.000Z'))).toBe('2026-12-02')
    expect(localDate('Asia/Kathmandu', new Date('2026-12-02T18:14:59.000Z'))).toBe('2026-12-02') // UTC+5:45
    expect(localDate('Asia/Kathmandu', new Date('2026-12-02T18:15:00.000Z'))).toBe('2026-12-03')
    expect(localDate(tz, new Date('2026-12-02T21:00:30.000Z'))).toBe('2026-12-03')
  })
})
