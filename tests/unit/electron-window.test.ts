import { describe, expect, it } from 'vitest'
import { kioskWindowOptions } from '../../electron/main/window.js'

describe('kioskWindowOptions', () => {
  it('locks the renderer down with exactly the expected security flags', () => {
    const options = kioskWindowOptions('/app/preload.cjs', true)
    expect(options.webPreferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
      spellcheck: false,
      preload: '/app/preload.cjs',
    })
  })

  it('is a fullscreen kiosk without a menu bar', () => {
    const options = kioskWindowOptions('/p.cjs', true)
    expect(options).toMatchObject({ fullscreen: true, kiosk: true, autoHideMenuBar: true })
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i)
  })

  it('offers developer tools only on a development build', () => {
    expect(kioskWindowOptions('/p.cjs', true).webPreferences?.devTools).toBe(false)
    expect(kioskWindowOptions('/p.cjs', false).webPreferences?.devTools).toBe(true)
  })
})
