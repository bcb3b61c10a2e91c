// The admin credential, pasted once; checked against the hub before the page opens.
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { AdminApi, AdminApiError } from '../../../api/admin'
import { isAdminToken, looksLikeToken } from '../../../api/hub'
import { ErrorNote, LanguageButton } from './common'

export function SignIn({ expired, onSignedIn }: { expired: boolean; onSignedIn(token: string): void }) {
  const { t } = useTranslation()
  const [value, setValue] = useState('')
  const [problem, setProblem] = useState<'malformed' | 'notAdmin' | 'refused' | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const token = value.trim()
    setError(null)
    if (!looksLikeToken(token)) return setProblem('malformed')
    if (!isAdminToken(token)) return setProblem('notAdmin')
    setBusy(true)
    try {
      await new AdminApi(token).check()
      onSignedIn(token)
    } catch (err) {
      if (err instanceof AdminApiError && (err.status === 401 || err.status === 403)) setProblem('refused')
      else setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <main className="admin admin-signin">
      <header className="admin-bar">
        <h1>{t('admin.title')}</h1>
        <LanguageButton />
      </header>
      <form onSubmit={submit} data-testid="admin-signin">
        <h2>{t('admin.signIn.title')}</h2>
        {expired && !problem && (
          <p className="admin-error" role="alert" data-testid="admin-expired">
            {t('admin.signIn.expired')}
          </p>
        )}
        <p>{t('admin.signIn.help')}</p>
        <label>
          {t('admin.signIn.label')}
          <input
            name="token"
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={value}
            data-testid="admin-token"
            onChange={(e) => {
              setValue(e.target.value)
              setProblem(null)
            }}
          />
        </label>
        {problem && (
          <p className="admin-error" role="alert" data-testid="admin-signin-problem">
            {t(`admin.signIn.${problem}`)}
          </p>
        )}
        <ErrorNote error={error} />
        <button type="submit" disabled={busy} data-testid="admin-signin-submit">
          {busy ? t('admin.working') : t('admin.signIn.submit')}
        </button>
      </form>
    </main>
  )
}
