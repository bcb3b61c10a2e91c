// Locks the kiosk window to the agent's own origin. Everything here is pure: the Electron objects
// come in through the small interfaces below, so tests drive the same code with fakes, and tsc
// checks in index.ts that the real session and webContents fit them.

/** Page policy added to every response, on top of whatever the agent already sends. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'", // the camera's QR decoder, zxing-cpp in WebAssembly
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  // the agent's own origin only, its websocket included: not any other port on the desk PC
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ')

export interface NavigationEvent {
  readonly url: string
  preventDefault(): void
}

export interface WindowOpenDetails {
  readonly url: string
}

export interface ContentsLike {
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown
  setWindowOpenHandler(handler: (details: WindowOpenDetails) => { action: 'deny' }): void
}

export interface PermissionRequestDetails {
  readonly requestingUrl?: string
  readonly securityOrigin?: string
  readonly mediaTypes?: readonly string[]
}

export interface PermissionCheckDetails {
  readonly securityOrigin?: string
  readonly mediaType?: string
}

export type PermissionRequestHandler = (
  webContents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: PermissionRequestDetails,
) => void

export type PermissionCheckHandler = (
  webContents: unknown,
  permission: string,
  requestingOrigin: string,
  details: PermissionCheckDetails,
) => boolean

export type ResponseHeaders = Record<string, string | string[]>

export type HeadersReceivedListener = (
  details: { readonly responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: ResponseHeaders }) => void,
) => void

export interface SessionLike {
  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void
  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void
  webRequest: { onHeadersReceived(listener: HeadersReceivedListener | null): void }
}

/**
 * True only when `url` has exactly the app's origin (scheme, host and port). Parsing with URL
 * defeats look-alikes such as `http://127.0.0.1:5180.evil.com` or `http://127.0.0.1:5180@evil.com`;
 * opaque origins (file:, data:, javascript:) serialise as "null" and never match.
 */
export function isAppUrl(url: string, appOrigin: string): boolean {
  try {
    const target = new URL(url)
    const app = new URL(appOrigin)
    if (app.origin === 'null' || target.origin !== app.origin) return false
    // Credentials in the URL have no business in the kiosk and only serve to disguise hosts.
    return target.username === '' && target.password === ''
  } catch {
    return false
  }
}

/** Listener for will-navigate and will-redirect: the kiosk never leaves its own origin. */
export function navigationGuard(appOrigin: string): (event: NavigationEvent) => void {
  return (event) => {
    if (!isAppUrl(event.url, appOrigin)) event.preventDefault()
  }
}

/** The kiosk has one window; pop-ups (including target=_blank links) are never opened. */
export function windowOpenHandler(_details: WindowOpenDetails): { action: 'deny' } {
  return { action: 'deny' }
}

// The camera is the only device the kiosk needs (badge scanning); microphone, location,
// notifications and the rest stay off, and only the app's own pages may ask.
function isCameraOnly(mediaTypes: readonly string[] | undefined): boolean {
  return mediaTypes !== undefined && mediaTypes.length > 0 && mediaTypes.every((t) => t === 'video')
}

export function permissionRequestHandler(appOrigin: string): PermissionRequestHandler {
  return (_webContents, permission, callback, details) => {
    const fromApp =
      details.requestingUrl !== undefined &&
      isAppUrl(details.requestingUrl, appOrigin) &&
      (details.securityOrigin === undefined || isAppUrl(details.securityOrigin, appOrigin))
    callback(permission === 'media' && fromApp && isCameraOnly(details.mediaTypes))
  }
}

export function permissionCheckHandler(appOrigin: string): PermissionCheckHandler {
  return (_webContents, permission, requestingOrigin, details) =>
    permission === 'media' &&
    isAppUrl(requestingOrigin, appOrigin) &&
    (details.securityOrigin === undefined || isAppUrl(details.securityOrigin, appOrigin)) &&
    details.mediaType === 'video'
}

/**
 * Adds our policy to the response headers. An existing policy is kept alongside ours rather than
 * replaced: the browser enforces every policy it is given, so this can only make things stricter.
 */
export function withContentSecurityPolicy(headers: Record<string, string[]> | undefined): ResponseHeaders {
  const result: ResponseHeaders = { ...headers }
  const existing = Object.keys(result).find((name) => name.toLowerCase() === 'content-security-policy')
  const name = existing ?? 'Content-Security-Policy'
  const previous = existing === undefined ? [] : (result[existing] ?? [])
  result[name] = [...(Array.isArray(previous) ? previous : [previous]), CONTENT_SECURITY_POLICY]
  return result
}

export const cspHeadersListener: HeadersReceivedListener = (details, callback) => {
  callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) })
}

/** Session-wide rules: permissions and the CSP. Install once, before any page loads. */
export function lockDownSession(session: SessionLike, appOrigin: string): void {
  session.setPermissionRequestHandler(permissionRequestHandler(appOrigin))
  session.setPermissionCheckHandler(permissionCheckHandler(appOrigin))
  session.webRequest.onHeadersReceived(cspHeadersListener)
}

/** Per-page rules: no navigation away, no pop-ups. Apply to every webContents that is created. */
export function lockDownContents(contents: ContentsLike, appOrigin: string): void {
  const guard = navigationGuard(appOrigin)
  contents.on('will-navigate', guard)
  contents.on('will-redirect', guard)
  contents.setWindowOpenHandler(windowOpenHandler)
}
