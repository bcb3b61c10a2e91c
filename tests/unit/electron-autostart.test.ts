import { readFileSync, writeFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { installLinuxAutostart, linuxAutostartEntry } from '../../electron/main/autostart.js'
import { tempDir } from '../helpers/temp-dir.js'

let dir: { path: string; remove(): Promise<void> }
beforeEach(async () => (dir = await tempDir('karibu-autostart-')))
afterEach(() => dir.remove())

describe('start at login (Linux autostart entry)', () => {
  it('quotes the executable so paths with spaces or quotes still start', () => {
    expect(linuxAutostartEntry('/opt/Karibu/karibu')).toContain('Exec="/opt/Karibu/karibu"\n')
    expect(linuxAutostartEntry('/home/meza 1/Karibu "v2".AppImage')).toContain('Exec="/home/meza 1/Karibu \\"v2\\".AppImage"\n')
    expect(linuxAutostartEntry('/a/$HOME`x`\\b')).toContain('Exec="/a/\\$HOME\\`x\\`\\\\b"\n')
  })

  it('writes the entry, and rewrites it when the AppImage moved', async () => {
    const path = await installLinuxAutostart({ configHome: dir.path, executable: '/home/desk/Karibu.AppImage' })
    expect(path).toBe(`${dir.path}/autostart/karibu.desktop`)
    expect(readFileSync(path, 'utf8')).toBe(linuxAutostartEntry('/home/desk/Karibu.AppImage'))
    await installLinuxAutostart({ configHome: dir.path, executable: '/home/desk/Downloads/Karibu.AppImage' })
    expect(readFileSync(path, 'utf8')).toContain('Exec="/home/desk/Downloads/Karibu.AppImage"')
  })

  it('leaves an entry the technician turned off alone', async () => {
    const path = await installLinuxAutostart({ configHome: dir.path, executable: '/opt/Karibu/karibu' })
    const off = readFileSync(path, 'utf8').replace('X-GNOME-Autostart-enabled=true', 'X-GNOME-Autostart-enabled=false')
    writeFileSync(path, off)
    await installLinuxAutostart({ configHome: dir.path, executable: '/opt/Karibu/karibu' })
    expect(readFileSync(path, 'utf8')).toBe(off)
  })
})
