// The rule that prompts ushers to open another desk: from the hub's figures only.
import { describe, expect, it } from 'vitest'
import { DESK_CAPACITY_PER_15M, deskAdvice } from '../../renderer/src/pages/dashboard/model/desk-advice.js'

const desks = (...last15m: number[]) => ({ desks: last15m.map((n, i) => ({ deskId: `desk-${i + 1}`, admitted: n, last15m: n })) })
const kiosk = (deskId: string | null, online = true, revoked = false) => ({ deskId, online, revoked })

describe('deskAdvice', () => {
  it('uses a desk capacity of 160 an hour', () => {
    expect(DESK_CAPACITY_PER_15M).toBe(40)
  })

  it('stays quiet with no arrivals, whatever the desks', () => {
    expect(deskAdvice(desks(0, 0), [])).toEqual({ arrivals: 0, openDesks: 0, capacity: 0, openAnother: false })
    expect(deskAdvice(desks(0, 0), [kiosk('desk-1')]).openAnother).toBe(false)
  })

  it('prompts once arrivals reach 90 % of what the open desks take in 15 minutes', () => {
    const one = [kiosk('desk-1')]
    expect(deskAdvice(desks(35), one)).toMatchObject({ arrivals: 35, openDesks: 1, capacity: 40, openAnother: false })
    expect(deskAdvice(desks(36), one)).toMatchObject({ arrivals: 36, openAnother: true })
    const two = [kiosk('desk-1'), kiosk('desk-2')]
    expect(deskAdvice(desks(40, 31), two)).toMatchObject({ arrivals: 71, openDesks: 2, capacity: 80, openAnother: false })
    expect(deskAdvice(desks(40, 32), two)).toMatchObject({ arrivals: 72, openAnother: true })
  })

  it('counts a desk once however many kiosks stand at it, and not for revoked, offline or unassigned kiosks', () => {
    expect(
      deskAdvice(desks(20, 0), [kiosk('desk-1'), kiosk('desk-1'), kiosk('desk-2', false), kiosk('desk-3', true, true), kiosk(null)])
        .openDesks,
    ).toBe(1)
  })

  it('treats a desk that admitted people in the last 15 minutes as open, even if its kiosk just dropped off', () => {
    expect(deskAdvice(desks(30, 30), [kiosk('desk-1', false), kiosk('desk-2', false)])).toMatchObject({
      openDesks: 2,
      capacity: 80,
      openAnother: false,
    })
  })

  it('prompts when people are admitted and the hub knows of no open desk', () => {
    expect(deskAdvice({ desks: [] }, [])).toMatchObject({ openAnother: false })
    expect(deskAdvice(desks(0, 0), [kiosk('desk-1', false)]).openAnother).toBe(false)
  })

  it('takes another per-desk capacity when given one', () => {
    expect(deskAdvice(desks(27), [kiosk('desk-1')], 30)).toMatchObject({ capacity: 30, openAnother: true })
  })
})
