// Leaving kiosk mode needs the organiser PIN. Repeated wrong guesses lock the exit for a while
// so a visitor at an unattended kiosk cannot try PINs until one works.

export type ExitResult = { ok: true } | { ok: false; error: 'wrong_pin' | 'locked_out' | 'invalid' }

export interface ExitGuardOptions {
  maxAttempts: number
  lockoutMs: number
  now: () => number
}

export interface ExitGuard {
  tryExit(pin: unknown): ExitResult
}

const PIN_FORMAT = /^[0-9]{4,12}$/

export function isPinFormat(pin: unknown): pin is string {
  return typeof pin === 'string' && PIN_FORMAT.test(pin)
}

export function createExitGuard(verifyPin: (pin: string) => boolean, { maxAttempts, lockoutMs, now }: ExitGuardOptions): ExitGuard {
  let failures = 0
  let lockedUntil = 0

  return {
    tryExit(pin) {
      // Checked before anything else: while locked, not even the right PIN is looked at.
      if (now() < lockedUntil) return { ok: false, error: 'locked_out' }
      // Malformed input is not a guess, so it does not count towards the lockout.
      if (!isPinFormat(pin)) return { ok: false, error: 'invalid' }
      if (verifyPin(pin)) {
        failures = 0
        return { ok: true }
      }
      failures += 1
      if (failures >= maxAttempts) {
        failures = 0
        lockedUntil = now() + lockoutMs
      }
      return { ok: false, error: 'wrong_pin' }
    },
  }
}
