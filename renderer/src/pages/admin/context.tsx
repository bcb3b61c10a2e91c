// What every admin tab needs: the API with the signed-in credential, what to do when the hub
// refuses it, and the page language for names that come in both languages.
import { createContext, useCallback, useContext, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AdminApiError, type AdminApi } from '../../api/admin'
import type { Bilingual } from '../../../../shared/domain'

export interface AdminSession {
  api: AdminApi
  /** the hub refused the credential: back to sign-in */
  unauthorized(): void
  /** the admin credential was changed from this page: keep using the new one */
  tokenChanged(token: string): void
}

export const AdminContext = createContext<AdminSession | null>(null)

export function useAdmin(): AdminSession {
  const session = useContext(AdminContext)
  if (!session) throw new Error('useAdmin outside AdminContext')
  return session
}

export type Lang = 'sw' | 'en'

export function useLang(): { lang: Lang; name(b: Bilingual | undefined): string } {
  const { i18n } = useTranslation()
  const lang: Lang = i18n.language === 'en' ? 'en' : 'sw'
  return { lang, name: (b) => (b ? b[lang] || b.sw || b.en : '') }
}

/** Runs one hub call at a time for a component: busy flag, the last error, sign-in on 401. */
export function useAction() {
  const { unauthorized } = useAdmin()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const run = useCallback(
    async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
      setBusy(true)
      setError(null)
      try {
        return await fn()
      } catch (err) {
        if (err instanceof AdminApiError && err.status === 401) unauthorized()
        setError(err)
        return undefined
      } finally {
        setBusy(false)
      }
    },
    [unauthorized],
  )
  return { busy, error, setError, run }
}
