// Nothing an attendee was told is lost: 20+ SIGKILLs of hub and kiosks while check-ins flow.
import { expect, it } from 'vitest'
import { runCrashHarness } from '../helpers/crash-harness.js'

it('every check-in reported as accepted survives 20 random SIGKILLs, stored exactly once, counts equal a recount', async () => {
  const report = await runCrashHarness({ kills: 20 })
  const replay = `replay: KARIBU_CRASH_SEED=${report.seed}`
  expect(report.kills).toBe(20)
  expect(report.reported, replay).toBeGreaterThan(50)
  expect(report.missing, replay).toEqual([])
  expect(report.duplicateLines, replay).toBe(0)
  expect(report.countsMatch, replay).toBe(true)
}, 240_000)
