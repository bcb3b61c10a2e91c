// Shown when the page has no credential, or the hub refused the one it had.
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { isAdminToken, looksLikeToken } from '../../../api/hub'
import { LanguageButton } from './LanguageButton'

export function TokenForm({ refused, onToken }: { refused: boolean; onToken(token: string): void }) {
  const { t } = useTranslation()
  const [value, setValue] = useState('')
  const [problem, setProblem] = useState<'malformed' | 'admin' | null>(null)

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const token = value.trim()
    if (isAdminToken(token)) return setProblem('admin')
    if (!looksLikeToken(token)) return setProblem('malformed')
    onToken(token)
  }

  return (
    <main className="dash-token">
      <header className="dash-bar">
        <div className="dash-titles">
          <h1>{t('dashboard.title')}</h1>
        </div>
        <LanguageButton />
      </header>
      <form onSubmit={submit} data-testid="token-form">
        <h2>{t('dashboard.token.title')}</h2>
        {refused && (
          <p className="dash-error" role="alert" data-testid="token-refused">
            {t('dashboard.token.refused')}
          </p>
        )}
        <p>{t('dashboard.token.help')}</p>
        <label>
          {t('dashboard.token.label')}
          <input
            name="token"
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={value}
            onChange={(e) => {
              setValue(e.target.value)
              setProblem(null)
            }}
          />
        </label>
        {problem && (
          <p className="dash-error" role="alert">
            {t(`dashboard.token.${problem}`)}
          </p>
        )}
        <button type="submit">{t('dashboard.token.submit')}</button>
      </form>
    </main>
  )
}
