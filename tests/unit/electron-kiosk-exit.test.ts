import { describe, expect, it, vi } from 'vitest'
import { createExitGuard } from '../../electron/main/kiosk-exit.js'

const PIN = '482913'

function setup() {
  let clock = 1_000_000
  const verifyPin = vi.fn((pin: string) => pin === PIN)
  const guard = createExitGuard(verifyPin, { maxAttempts: 5, lockoutMs: 60_000, now: () => clock })
  return { guard, verifyPin, advance: (ms: number) => (clock += ms) }
}

describe('createExitGuard', () => {
  it('lets the organiser out with the right PIN', () => {
    const { guard } = setup()
    expect(guard.tryExit(PIN)).toEqual({ ok: true })
  })

  it('refuses a wrong PIN', () => {
    const { guard } = setup()
    expect(guard.tryExit('0000')).toEqual({ ok: false, error: 'wrong_pin' })
  })

  it('locks out after five wrong PINs, even for the right one, until the lockout ends', () => {
    const { guard, verifyPin, advance } = setup()
    for (let i = 0; i < 5; i++) expect(guard.tryExit('1111')).toEqual({ ok: false, error: 'wrong_pin' })
    verifyPin.mockClear()
    expect(guard.tryExit(PIN)).toEqual({ ok: false, error: 'locked_out' })
    advance(59_999)
    expect(guard.tryExit(PIN)).toEqual({ ok: false, error: 'locked_out' })
    expect(verifyPin).not.toHaveBeenCalled()
    advance(1)
    expect(guard.tryExit(PIN)).toEqual({ ok: true })
  })

  it('does not lock out after four wrong PINs, and a right PIN resets the count', () => {
    const { guard } = setup()
    for (let i = 0; i < 4; i++) guard.tryExit('1111')
    expect(guard.tryExit(PIN)).toEqual({ ok: true })
    for (let i = 0; i < 4; i++) guard.tryExit('1111')
    expect(guard.tryExit('1111')).toEqual({ ok: false, error: 'wrong_pin' })
    expect(guard.tryExit(PIN)).toEqual({ ok: false, error: 'locked_out' })
  })

  it('gives a fresh set of attempts after a lockout ends', () => {
    const { guard, advance } = setup()
    for (let i = 0; i < 5; i++) guard.tryExit('1111')
    advance(60_000)
    for (let i = 0; i < 4; i++) expect(guard.tryExit('1111')).toEqual({ ok: false, error: 'wrong_pin' })
    expect(guard.tryExit(PIN)).toEqual({ ok: true })
  })

  it.each([['123'], ['1234567890123'], ['12a4'], [' 1234'], ['１２３４'], [''], [1234], [null], [undefined], [{}], [['1234']]])(
    'rejects %j as invalid without checking it or counting it',
    (pin) => {
      const { guard, verifyPin } = setup()
      for (let i = 0; i < 6; i++) expect(guard.tryExit(pin)).toEqual({ ok: false, error: 'invalid' })
      expect(verifyPin).not.toHaveBeenCalled()
      expect(guard.tryExit(PIN)).toEqual({ ok: true })
    },
  )

  it('accepts PINs of 4 to 12 digits', () => {
    const verifyPin = vi.fn(() => true)
    const guard = createExitGuard(verifyPin, { maxAttempts: 5, lockoutMs: 60_000, now: () => 0 })
    expect(guard.tryExit('1234')).toEqual({ ok: true })
    expect(guard.tryExit('123456789012')).toEqual({ ok: true })
    expect(verifyPin.mock.calls).toEqual([['1234'], ['123456789012']])
  })
})
