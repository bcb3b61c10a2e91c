// The dashboard's pure helpers: refresh throttle, chart buckets, formatting, payload check.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { withEmptyQuarters } from '../../renderer/src/pages/dashboard/model/arrivals.js'
import { throttle } from '../../renderer/src/pages/dashboard/model/throttle.js'
import {
  formatOffset,
  formatTime,
  isDashboardUpdate,
  isDashboardView,
  merge,
  namer,
} from '../../renderer/src/pages/dashboard/model/view.js'
import type { DayStats } from '../../shared/stats.js'

afterEach(() => {
  vi.useRealTimers()
})

describe('throttle', () => {
  it('runs at once, then at most once per interval, and never drops the last call', () => {
    vi.useFakeTimers()
    const fn = vi.fn()
    const refresh = throttle(fn, 500)
    refresh()
    expect(fn).toHaveBeenCalledTimes(1)
    for (let i = 0; i < 20; i++) {
      refresh()
      vi.advanceTimersByTime(20)
    }
    expect(fn).toHaveBeenCalledTimes(1) // 400 ms later: still within the interval
    vi.advanceTimersByTime(100)
    expect(fn).toHaveBeenCalledTimes(2) // the folded calls ran once, at the end of the interval
    for (let i = 0; i < 100; i++) {
      refresh()
      vi.advanceTimersByTime(50)
    }
    // 5 s of calls every 50 ms: about two runs a second, not twenty
    expect(fn.mock.calls.length).toBeGreaterThanOrEqual(11)
    expect(fn.mock.calls.length).toBeLessThanOrEqual(13)
  })

  it('cancel drops a pending run', () => {
    vi.useFakeTimers()
    const fn = vi.fn()
    const refresh = throttle(fn, 500)
    refresh()
    refresh()
    refresh.cancel()
    vi.advanceTimersByTime(1000)
    expect(fn).toHaveBeenCalledTimes(1)
  })
})

describe('withEmptyQuarters', () => {
  it('puts the quarters the hub left out back as zero, keeping its figures', () => {
    const arrivals = [
      { at: '2026-11-24T05:00:00.000Z', count: 4 },
      { at: '2026-11-24T05:45:00.000Z', count: 2 },
    ]
    expect(withEmptyQuarters(arrivals)).toEqual([
      { at: '2026-11-24T05:00:00.000Z', count: 4 },
      { at: '2026-11-24T05:15:00.000Z', count: 0 },
      { at: '2026-11-24T05:30:00.000Z', count: 0 },
      { at: '2026-11-24T05:45:00.000Z', count: 2 },
    ])
  })

  it('leaves short, unordered or implausibly long series as the hub sent them', () => {
    const one = [{ at: '2026-11-24T05:00:00.000Z', count: 1 }]
    expect(withEmptyQuarters(one)).toBe(one)
    const years = [
      { at: '2020-01-01T00:00:00.000Z', count: 1 },
      { at: '2026-11-24T05:00:00.000Z', count: 1 },
    ]
    expect(withEmptyQuarters(years)).toBe(years)
  })
})

describe('formatting', () => {
  it('shows times in the event’s time zone, 24 h', () => {
    expect(formatTime('2026-11-24T05:07:09.000Z')).toBe('08:07')
    expect(formatTime('2026-11-24T05:07:09.000Z', 'Africa/Dar_es_Salaam', true)).toBe('08:07:09')
    expect(formatTime('2026-11-24T21:30:00.000Z', 'UTC')).toBe('21:30')
    expect(formatTime('not a date')).toBe('—')
  })

  it('shows clock offsets in seconds, minutes or hours', () => {
    expect(formatOffset(0)).toBe('+0 s')
    expect(formatOffset(-12_400)).toBe('−12 s')
    expect(formatOffset(90_000)).toBe('+2 min')
    expect(formatOffset(3_600_000)).toBe('+1 h')
    expect(formatOffset(-7_500_000)).toBe('−2 h 5 min')
  })

  it('names things in the chosen language and falls back to ids', () => {
    const event = {
      id: 'e',
      venue: '',
      timezone: 'Africa/Dar_es_Salaam',
      name: { sw: 'Kikao', en: 'Session' },
      days: [{ id: 'd1', date: '2026-11-24', name: { sw: 'Siku ya 1', en: 'Day 1' } }],
      groups: [{ id: 'ict', name: { sw: 'TEHAMA', en: 'ICT' }, color: '#123456', days: ['d1'] }],
      halls: [],
      desks: [],
    }
    const en = namer(event, 'en')
    expect([en.event(), en.day('d1'), en.group('ict'), en.groupColor('ict')]).toEqual(['Session', 'Day 1', 'ICT', '#123456'])
    expect([namer(event, 'sw').day('d1'), en.day('d9'), en.hall('expo'), en.desk(null)]).toEqual(['Siku ya 1', 'd9', 'expo', '—'])
  })
})

describe('isDashboardView', () => {
  it('accepts what the hub sends and refuses what would break the page', () => {
    const stats = {
      dayId: 'd1',
      checkedIn: 0,
      groups: [],
      categories: [],
      orgTypes: [],
      desks: [],
      arrivals: [],
      halls: [],
      vipArrivals: [],
      reviews: [],
    }
    const event = { days: [], groups: [], halls: [], desks: [] }
    expect(isDashboardView({ stats, kiosks: [], event })).toBe(true)
    expect(isDashboardView({ stats, kiosks: [] })).toBe(false)
    expect(isDashboardView({ stats: { ...stats, halls: null }, kiosks: [], event })).toBe(false)
    expect(isDashboardView({ stats: { ...stats, checkedIn: '3' }, kiosks: [], event })).toBe(false)
    expect(isDashboardView(null)).toBe(false)
  })
})

describe('pushes that leave out the kiosk list and the names', () => {
  const stats = (checkedIn: number, dayId = 'd1') =>
    ({
      dayId,
      checkedIn,
      groups: [],
      categories: [],
      orgTypes: [],
      desks: [],
      arrivals: [],
      halls: [],
      vipArrivals: [],
      reviews: [],
    }) as unknown as DayStats
  const event = {
    id: 'e',
    name: { sw: 'a', en: 'a' },
    venue: '',
    timezone: 'Africa/Dar_es_Salaam',
    days: [],
    groups: [],
    halls: [],
    desks: [],
  }
  const kiosk = (online: boolean) => ({
    kioskId: 'k1',
    name: 'K',
    deskId: null,
    online,
    lastSeen: null,
    outboxDepth: 0,
    clockOffsetMs: 0,
    revoked: false,
  })

  it('accepts a push of figures alone, but not as a whole view', () => {
    expect(isDashboardUpdate({ stats: stats(1) })).toBe(true)
    expect(isDashboardView({ stats: stats(1) })).toBe(false)
    expect(isDashboardUpdate({ stats: stats(1), kiosks: 'x' })).toBe(false)
  })

  it('keeps the list and names it holds, takes the new figures, and waits for a whole view first', () => {
    expect(merge(null, { stats: stats(1) }, true)).toBeNull()
    const first = merge(null, { stats: stats(1), kiosks: [kiosk(true)], event }, true)!
    const next = merge(first, { stats: stats(2) }, true)!
    expect(next.stats.checkedIn).toBe(2)
    expect(next.kiosks).toEqual([kiosk(true)])
    expect(next.event).toBe(event)
    const later = merge(next, { stats: stats(5, 'd2'), kiosks: [kiosk(false)] }, false)!
    expect(later.stats.checkedIn).toBe(2) // another day on screen: its figures stay
    expect(later.kiosks).toEqual([kiosk(false)])
  })
})

describe('category names', () => {
  const event = {
    id: 'e',
    name: { sw: 'Tukio', en: 'Event' },
    venue: '',
    timezone: 'Africa/Dar_es_Salaam',
    days: [],
    groups: [],
    halls: [],
    desks: [],
    categories: [{ id: 'system user', name: { sw: 'Watumiaji wa mifumo', en: 'System users' } }],
  }
  it('names a category the event defines in the page language (case and spacing as imported do not matter), and shows any other as imported', () => {
    expect(namer(event, 'sw').category('System User ')).toBe('Watumiaji wa mifumo')
    expect(namer(event, 'en').category('system user')).toBe('System users')
    expect(namer(event, 'sw').category('Mkurugenzi')).toBe('Mkurugenzi')
    expect(namer({ ...event, categories: undefined }, 'sw').category('system user')).toBe('system user')
  })
})
