import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openRotatingLog, teeConsoleTo } from '../../electron/main/log-file.js'
import { tempDir } from '../helpers/temp-dir.js'

let dir: { path: string; remove(): Promise<void> }
beforeEach(async () => (dir = await tempDir('karibu-log-')))
afterEach(() => dir.remove())

const at = new Date('2026-12-03T05:15:02Z')
const read = (name: string) => readFileSync(`${dir.path}/${name}`, 'utf8')

describe("main's log file", () => {
  it("stamps each line with the desk's local time and offset", () => {
    const log = openRotatingLog(dir.path, { now: () => at, timeZone: 'Africa/Dar_es_Salaam' })
    log.write('WARN', 'printer offline')
    expect(read('main.log')).toBe('2026-12-03T08:15:02+03:00 WARN printer offline\n')
  })

  it('rotates at the size bound and keeps only the newest files', () => {
    const log = openRotatingLog(dir.path, { maxBytes: 100, keep: 2, now: () => at, timeZone: 'UTC' })
    // each line is 49 bytes: two fit in 100, the third starts a new file
    for (let i = 1; i <= 7; i++) log.write('INFO', `line ${i} ${'x'.repeat(10)}`)
    expect(readdirSync(dir.path).sort()).toEqual(['main.1.log', 'main.2.log', 'main.log'])
    expect(read('main.log')).toContain('line 7')
    expect(read('main.1.log')).toMatch(/line 5[^]*line 6/)
    expect(read('main.2.log')).toMatch(/line 3[^]*line 4/)
    expect(existsSync(`${dir.path}/main.3.log`)).toBe(false)
    for (const name of readdirSync(dir.path)) expect(Buffer.byteLength(read(name))).toBeLessThanOrEqual(100)
  })

  it('carries on from an existing file after a restart', () => {
    openRotatingLog(dir.path, { maxBytes: 100, now: () => at, timeZone: 'UTC' }).write('INFO', 'x'.repeat(60))
    openRotatingLog(dir.path, { maxBytes: 100, now: () => at, timeZone: 'UTC' }).write('INFO', 'second run')
    expect(read('main.log')).toContain('second run')
    expect(read('main.1.log')).toContain('x'.repeat(60))
  })

  it('copies console output, errors with their stack, and still prints it', () => {
    const printed: unknown[][] = []
    const target = {
      log: (...a: unknown[]) => printed.push(a),
      info: () => {},
      warn: () => {},
      error: (...a: unknown[]) => printed.push(a),
    }
    const log = openRotatingLog(dir.path, { now: () => at, timeZone: 'UTC' })
    teeConsoleTo(log, target)
    target.log('[kiosk] paired', { kioskId: 'k1' })
    target.error('print failed', new Error('no paper'))
    expect(printed).toHaveLength(2)
    const text = read('main.log')
    expect(text).toContain('LOG [kiosk] paired {"kioskId":"k1"}')
    expect(text).toMatch(/ERROR print failed Error: no paper\n\s+at /)
  })
})
