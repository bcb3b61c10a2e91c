// The credential a page was opened with, kept per page on this device.

/** Credentials look like `kbu_…`: a prefix and 32 base64url characters. Anything else is a typo. */
const TOKEN_SHAPE = /^[a-z]{3}_[A-Za-z0-9_-]{16,180}$/
export const looksLikeToken = (value: string) => TOKEN_SHAPE.test(value)
/** The admin credential carries this prefix; it must not be left behind on a wall screen. */
export const isAdminToken = (value: string) => value.startsWith('kba_')

export interface TokenStore {
  load(): string | null
  save(token: string): void
  forget(): void
  /**
   * Takes `#token=…` from the address bar: stores it and removes it from the address (and
   * so from the history and from anyone reading over a shoulder). Returns the stored token.
   */
  adoptFromUrl(): string | null
}

/** A credential kept per page in localStorage, so a wall screen that reboots opens again by itself. */
export function tokenStore(page: string): TokenStore {
  const key = `karibu.token.${page}`
  const store: TokenStore = {
    load() {
      try {
        return localStorage.getItem(key)
      } catch {
        return null
      }
    },
    save(token) {
      try {
        localStorage.setItem(key, token)
      } catch {
        // private mode: the credential lives only as long as this page
      }
    },
    forget() {
      try {
        localStorage.removeItem(key)
      } catch {
        // nothing stored
      }
    },
    adoptFromUrl() {
      const fragment = new URLSearchParams(window.location.hash.replace(/^#/, ''))
      const token = fragment.get('token')?.trim()
      if (fragment.has('token')) {
        fragment.delete('token')
        const rest = fragment.toString()
        window.history.replaceState(
          window.history.state,
          '',
          `${window.location.pathname}${window.location.search}${rest ? `#${rest}` : ''}`,
        )
      }
      if (token && looksLikeToken(token)) store.save(token)
      return store.load()
    },
  }
  return store
}
