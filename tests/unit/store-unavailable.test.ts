// Which database failures a kiosk should retry ('unavailable') and which are real errors.
import { describe, expect, it } from 'vitest'
import { asStoreError, isConnectionFailure, StoreUnavailableError } from '../../hub/store/store-unavailable.js'

describe('database connection failures', () => {
  it('tells a dropped or refused connection from a failing statement', () => {
    expect(isConnectionFailure(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true)
    expect(isConnectionFailure(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(
      true,
    )
    expect(isConnectionFailure(new Error('Connection terminated unexpectedly'))).toBe(true)
    expect(isConnectionFailure(Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }))).toBe(false)
    expect(isConnectionFailure(new Error('relation "karibu_checkins" does not exist'))).toBe(false)
    expect(isConnectionFailure(null)).toBe(false)
  })

  it('wraps only connection failures, keeping the cause', () => {
    const dropped = new Error('Connection terminated unexpectedly')
    const wrapped = asStoreError(dropped)
    expect(wrapped).toBeInstanceOf(StoreUnavailableError)
    expect((wrapped as Error).cause).toBe(dropped)
    const bad = Object.assign(new Error('syntax error'), { code: '42601' })
    expect(asStoreError(bad)).toBe(bad)
  })
})
