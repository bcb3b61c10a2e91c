// The hub's process guard, in a real child process: a promise nobody waited on or a dropped
// connection is logged with its stack and the process keeps serving; a bug thrown out of a
// callback ends it with the bilingual message and EXIT.software, never silently.
import { describe, expect, it } from 'vitest'
import { EXIT } from '../../node-shared/start-error.js'
import { runTs } from '../helpers/processes.js'
import { until } from '../helpers/until.js'

async function run(kind: string) {
  const child = runTs('tests/fixtures/guarded-process.ts', [kind])
  await until(() => child.proc.exitCode !== null || child.proc.signalCode !== null, 20_000, `${kind} child done`)
  return { code: child.proc.exitCode, out: child.output() }
}

describe('process guard', () => {
  it('an unhandled rejection is logged with its stack and the process keeps serving', async () => {
    const { code, out } = await run('rejection')
    expect(out).toContain('Unexpected error, the hub keeps serving')
    expect(out).toContain('Hitilafu isiyotarajiwa, kitovu kinaendelea kuhudumia')
    expect(out).toContain('report to another hub failed')
    expect(out).toMatch(/guarded-process\.ts:\d+/) // where it came from
    expect(out).toContain('still serving 5')
    expect(code).toBe(0)
  }, 30_000)

  it('a dropped connection thrown out of a callback is logged and the process keeps serving', async () => {
    const { code, out } = await run('connection')
    expect(out).toContain('A connection dropped, the hub keeps serving')
    expect(out).toContain('still serving 5')
    expect(code).toBe(0)
  }, 30_000)

  it('a bug thrown out of a callback ends the process with the bilingual message and its exit code', async () => {
    const { code, out } = await run('bug')
    expect(out).toContain('Kitovu kimesimama kwa hitilafu isiyotarajiwa')
    expect(out).toContain('The hub stopped on an unexpected error (uncaughtException)')
    expect(out).toContain('TypeError')
    expect(out).not.toContain('still serving 5')
    expect(code).toBe(EXIT.software)
  }, 30_000)
})
