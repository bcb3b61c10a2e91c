// Small rules behind the kiosk's answers: the repeat guard, times in Dar es Salaam, flag notes.
import { describe, expect, it } from 'vitest'
import { OUTCOMES } from '../../shared/domain.js'
import { clockTime, longDate, pick } from '../../renderer/src/pages/kiosk/logic/format.js'
import { notesFor, OUTCOME_TONE } from '../../renderer/src/pages/kiosk/logic/outcome-view.js'
import { RepeatGuard } from '../../renderer/src/pages/kiosk/logic/repeat-guard.js'
import { SOUNDS } from '../../renderer/src/pages/kiosk/logic/outcome-sound.js'

describe('RepeatGuard', () => {
  it('ignores the same code while it stays in view, and takes it again after 2.5 s away', () => {
    const g = new RepeatGuard(2500)
    expect(g.accept('A', 0)).toBe(true)
    expect(g.accept('A', 100)).toBe(false)
    expect(g.accept('A', 2400)).toBe(false)
    expect(g.accept('A', 4800)).toBe(false) // seen at 2400: still in view
    expect(g.accept('A', 7400)).toBe(true)
  })

  it('takes a different code at once', () => {
    const g = new RepeatGuard(2500)
    expect(g.accept('A', 0)).toBe(true)
    expect(g.accept('B', 10)).toBe(true)
    expect(g.accept('A', 20)).toBe(true)
  })
})

describe('format', () => {
  it('shows times as HH:MM in Dar es Salaam whatever the machine’s zone', () => {
    expect(clockTime('2026-11-24T06:05:00.000Z')).toBe('09:05')
    expect(clockTime('2026-11-24T21:30:00Z')).toBe('00:30')
    expect(clockTime('nonsense')).toBe('')
  })

  it('names a date with its weekday in either language', () => {
    expect(longDate('2026-11-24', 'en')).toBe('Tuesday 24/11/2026')
    expect(longDate('2026-11-24', 'sw')).toMatch(/Jumanne/)
  })

  it('picks the language, falling back to the other', () => {
    expect(pick({ sw: 'Siku ya 1', en: 'Day 1' }, 'en')).toBe('Day 1')
    expect(pick({ sw: 'Meza 1', en: '' }, 'en')).toBe('Meza 1')
    expect(pick(null, 'sw')).toBe('')
  })
})

describe('outcome view', () => {
  it('gives every outcome a colour: green only for admissions', () => {
    for (const o of OUTCOMES) expect(OUTCOME_TONE[o]).toBeDefined()
    expect(OUTCOMES.filter((o) => OUTCOME_TONE[o] === 'good')).toEqual(['admitted', 'readmitted'])
    expect(OUTCOME_TONE.already_checked_in).toBe('warn')
    expect(OUTCOME_TONE.exited).toBe('neutral')
  })

  it('lists the desk officer’s notes, VIP first', () => {
    expect(notesFor(['press', 'vip'])).toEqual(['vip', 'press'])
    expect(notesFor([])).toEqual([])
  })
})

describe('sounds', () => {
  it('every answer, refusals included, has a sound of its own', () => {
    const all = [...OUTCOMES, 'error' as const]
    const heard = all.map((o) => JSON.stringify(SOUNDS[o]))
    expect(heard.every((h) => h !== undefined && h.includes('notes'))).toBe(true)
    expect(new Set(heard).size).toBe(all.length)
    // welcome sounds soft, refusals harsh: a glance at the wave tells which
    expect(SOUNDS.admitted.wave).toBe('sine')
    for (const o of ['wrong_day', 'revoked', 'invalid', 'unknown', 'other_event'] as const) expect(SOUNDS[o].wave).toBe('square')
  })
})
