// `npm test` first names, in one line, the Debian packages a machine lacks. Run here with a PATH
// that holds nothing, and with one that holds (stand-in) every command the tests call.
import { spawnSync } from 'node:child_process'
import { chmodSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/processes.js'
import { tempDir } from '../helpers/temp-dir.js'

let dir: { path: string; remove(): Promise<void> }
beforeEach(async () => (dir = await tempDir('karibu-prereq-')))
afterEach(() => dir.remove())

const check = (env: Record<string, string>, ...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'scripts/test-prerequisites.mjs'), ...args], { env, encoding: 'utf8' })

describe('test prerequisites', () => {
  it('names what is missing in one line, and stops the run', () => {
    const result = check({ PATH: dir.path, CHROMIUM_PATH: join(dir.path, 'no-chromium') })
    expect(result.status).toBe(1)
    expect(result.stdout).toBe('')
    const lines = result.stderr.trimEnd().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(
      /^Majaribio yanahitaji vifurushi hivi kwanza \/ The tests need these packages first: sudo apt-get install --no-install-recommends /,
    )
    for (const name of ['chromium', 'ffmpeg', 'zbar-tools', 'poppler-utils', 'cups-client', 'cups-bsd', 'redis-server']) {
      expect(lines[0]!.split(' ')).toContain(name)
    }
    expect(check({ PATH: dir.path, CHROMIUM_PATH: join(dir.path, 'no-chromium') }, '--missing').stdout).toMatch(
      /^chromium ffmpeg zbar-tools poppler-utils /,
    )
  })

  it('says nothing when every command is there', () => {
    for (const command of ['chromium', 'ffmpeg', 'zbarimg', 'pdftoppm', 'pdfinfo', 'cupsd', 'lp', 'lpadmin', 'lpr', 'redis-server']) {
      writeFileSync(join(dir.path, command), '#!/bin/sh\n')
      chmodSync(join(dir.path, command), 0o755)
    }
    // cups-pdf's backend, PostgreSQL and the fonts are files this machine has (npm test needs them)
    const result = check({ PATH: dir.path })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
  })
})
