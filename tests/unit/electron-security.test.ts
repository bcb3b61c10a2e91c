import { describe, expect, it, vi } from 'vitest'
import {
  CONTENT_SECURITY_POLICY,
  cspHeadersListener,
  isAppUrl,
  lockDownContents,
  lockDownSession,
  navigationGuard,
  permissionCheckHandler,
  permissionRequestHandler,
  windowOpenHandler,
  type ContentsLike,
  type HeadersReceivedListener,
  type NavigationEvent,
  type PermissionCheckHandler,
  type PermissionRequestHandler,
  type ResponseHeaders,
  type SessionLike,
} from '../../electron/main/security.js'

const APP = 'http://127.0.0.1:5180'

describe('isAppUrl', () => {
  it('accepts pages of the app origin', () => {
    expect(isAppUrl(`${APP}/kiosk`, APP)).toBe(true)
    expect(isAppUrl(`${APP}/badge/a1?x=1#top`, APP)).toBe(true)
    expect(isAppUrl(APP, APP)).toBe(true)
  })

  it.each([
    'http://127.0.0.1:5180.evil.com/kiosk',
    'http://127.0.0.1:5181/kiosk',
    'http://127.0.0.1:51801/kiosk',
    'http://127.0.0.1.evil.com:5180/kiosk',
    'https://127.0.0.1:5180/kiosk',
    'http://localhost:5180/kiosk',
    'http://127.0.0.1:5180@evil.com/kiosk',
    'http://user:pw@127.0.0.1:5180/kiosk',
    'http://evil.com/?http://127.0.0.1:5180',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'not a url',
    '',
  ])('rejects %s', (url) => {
    expect(isAppUrl(url, APP)).toBe(false)
  })

  it('never matches when the app origin itself is opaque', () => {
    expect(isAppUrl('file:///etc/passwd', 'file:///etc/')).toBe(false)
  })
})

function navigation(url: string) {
  return { url, preventDefault: vi.fn<() => void>() } satisfies NavigationEvent
}

describe('navigationGuard', () => {
  const guard = navigationGuard(APP)

  it('prevents navigation to another origin', () => {
    for (const url of ['https://example.com/', 'http://127.0.0.1:5180.evil.com/', 'file:///etc/passwd']) {
      const event = navigation(url)
      guard(event)
      expect(event.preventDefault).toHaveBeenCalledOnce()
    }
  })

  it('allows navigation within the app', () => {
    const event = navigation(`${APP}/kiosk/scan`)
    guard(event)
    expect(event.preventDefault).not.toHaveBeenCalled()
  })
})

describe('windowOpenHandler', () => {
  it('denies every pop-up, even to the app itself', () => {
    expect(windowOpenHandler({ url: 'https://evil.com/' })).toEqual({ action: 'deny' })
    expect(windowOpenHandler({ url: `${APP}/kiosk` })).toEqual({ action: 'deny' })
  })
})

describe('permissionRequestHandler', () => {
  const handler = permissionRequestHandler(APP)
  function ask(permission: string, details: Parameters<PermissionRequestHandler>[3]): boolean {
    const callback = vi.fn()
    handler({}, permission, callback, details)
    expect(callback).toHaveBeenCalledOnce()
    return callback.mock.calls[0]?.[0] as boolean
  }

  it('grants the camera to the app origin', () => {
    expect(ask('media', { requestingUrl: `${APP}/kiosk`, securityOrigin: `${APP}/`, mediaTypes: ['video'] })).toBe(true)
  })

  it('denies the microphone, and camera+microphone together', () => {
    expect(ask('media', { requestingUrl: `${APP}/kiosk`, mediaTypes: ['audio'] })).toBe(false)
    expect(ask('media', { requestingUrl: `${APP}/kiosk`, mediaTypes: ['video', 'audio'] })).toBe(false)
    expect(ask('media', { requestingUrl: `${APP}/kiosk`, mediaTypes: [] })).toBe(false)
    expect(ask('media', { requestingUrl: `${APP}/kiosk` })).toBe(false)
  })

  it('denies the camera to other origins', () => {
    expect(ask('media', { requestingUrl: 'https://evil.com/', mediaTypes: ['video'] })).toBe(false)
    expect(ask('media', { requestingUrl: 'http://127.0.0.1:5180.evil.com/', mediaTypes: ['video'] })).toBe(false)
    expect(ask('media', { requestingUrl: `${APP}/kiosk`, securityOrigin: 'https://evil.com', mediaTypes: ['video'] })).toBe(false)
    expect(ask('media', { mediaTypes: ['video'] })).toBe(false)
  })

  it.each(['geolocation', 'notifications', 'clipboard-read', 'display-capture', 'midiSysex', 'openExternal', 'fullscreen'])(
    'denies %s even to the app origin',
    (permission) => {
      expect(ask(permission, { requestingUrl: `${APP}/kiosk`, mediaTypes: ['video'] })).toBe(false)
    },
  )
})

describe('permissionCheckHandler', () => {
  const check: PermissionCheckHandler = permissionCheckHandler(APP)

  it('allows a camera check from the app origin only', () => {
    expect(check(null, 'media', APP, { mediaType: 'video' })).toBe(true)
    expect(check(null, 'media', 'https://evil.com', { mediaType: 'video' })).toBe(false)
    expect(check(null, 'media', 'http://127.0.0.1:5181', { mediaType: 'video' })).toBe(false)
  })

  it('denies microphone, unknown media and every other permission', () => {
    expect(check(null, 'media', APP, { mediaType: 'audio' })).toBe(false)
    expect(check(null, 'media', APP, { mediaType: 'unknown' })).toBe(false)
    expect(check(null, 'media', APP, {})).toBe(false)
    for (const permission of ['geolocation', 'notifications', 'clipboard-read', 'serial', 'usb', 'hid']) {
      expect(check(null, permission, APP, { mediaType: 'video' })).toBe(false)
    }
  })
})

describe('CSP header', () => {
  function respond(headers?: Record<string, string[]>): ResponseHeaders {
    const callback = vi.fn()
    cspHeadersListener({ responseHeaders: headers }, callback)
    expect(callback).toHaveBeenCalledOnce()
    return (callback.mock.calls[0]?.[0] as { responseHeaders: ResponseHeaders }).responseHeaders
  }

  it('adds a strict policy to every response', () => {
    const headers = respond({ 'Content-Type': ['text/html'] })
    expect(headers['Content-Type']).toEqual(['text/html'])
    const policy = [headers['Content-Security-Policy']].flat().join(',')
    expect(policy).toContain("default-src 'self'")
    expect(policy).toContain("object-src 'none'")
    expect(policy).toContain("frame-ancestors 'none'")
    // the page reaches its own agent only, not any other port on the desk PC
    expect(policy).toMatch(/connect-src 'self'(;|$)/)
    expect(respond(undefined)['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY])
  })

  it('keeps an existing policy next to ours instead of replacing it', () => {
    const headers = respond({ 'content-security-policy': ["default-src 'none'"] })
    expect(headers['content-security-policy']).toEqual(["default-src 'none'", CONTENT_SECURITY_POLICY])
    expect(Object.keys(headers).filter((k) => k.toLowerCase() === 'content-security-policy')).toHaveLength(1)
  })
})

describe('lockDownSession and lockDownContents', () => {
  it('wires the handlers into the session and the page', () => {
    const listeners = new Map<string, (event: NavigationEvent) => void>()
    let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined
    const contents: ContentsLike = {
      on: (event: string, listener: (event: NavigationEvent) => void) => listeners.set(event, listener),
      setWindowOpenHandler: (handler) => (openHandler = handler),
    }
    const wired: {
      request?: PermissionRequestHandler | null
      check?: PermissionCheckHandler | null
      headers?: HeadersReceivedListener | null
    } = {}
    const session: SessionLike = {
      setPermissionRequestHandler: (h) => (wired.request = h),
      setPermissionCheckHandler: (h) => (wired.check = h),
      webRequest: { onHeadersReceived: (l) => (wired.headers = l) },
    }

    lockDownSession(session, APP)
    lockDownContents(contents, APP)

    for (const name of ['will-navigate', 'will-redirect']) {
      const event = navigation('https://evil.com/')
      listeners.get(name)?.(event)
      expect(event.preventDefault, name).toHaveBeenCalledOnce()
    }
    expect(openHandler?.({ url: `${APP}/x` })).toEqual({ action: 'deny' })
    const granted = vi.fn()
    wired.request?.({}, 'media', granted, { requestingUrl: `${APP}/kiosk`, mediaTypes: ['video'] })
    wired.request?.({}, 'media', granted, { requestingUrl: 'https://evil.com/', mediaTypes: ['video'] })
    expect(granted.mock.calls).toEqual([[true], [false]])
    expect(wired.check?.(null, 'geolocation', APP, {})).toBe(false)
    expect(wired.check?.(null, 'media', APP, { mediaType: 'video' })).toBe(true)
    expect(wired.headers).toBe(cspHeadersListener)
  })
})
