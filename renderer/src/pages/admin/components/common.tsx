// Small pieces every tab uses: an error line in the page language, the language switch.
import { useTranslation } from 'react-i18next'
import { AdminApiError } from '../../../api/admin'
import { setLanguage } from '../../../i18n/setup'
import { useLang } from '../context'

export function ErrorNote({ error, testId = 'admin-error' }: { error: unknown; testId?: string }) {
  const { t } = useTranslation()
  const { name } = useLang()
  if (!error) return null
  let text: string
  if (error instanceof AdminApiError) {
    if (error.hubMessage) text = name(error.hubMessage)
    else if (error.status === 403) text = t('admin.errors.forbidden')
    else text = t('admin.errors.generic', { code: error.code })
  } else if (error instanceof TypeError) text = t('admin.errors.network')
  else text = t('admin.errors.generic', { code: String((error as Error)?.message ?? error) })
  return (
    <p className="admin-error" role="alert" data-testid={testId}>
      {text}
    </p>
  )
}

export function LanguageButton() {
  const { t, i18n } = useTranslation()
  return (
    <button type="button" className="admin-lang" data-testid="language" onClick={() => setLanguage(i18n.language === 'en' ? 'sw' : 'en')}>
      {t('common.language')}
    </button>
  )
}

export function clockTime(iso: string, timeZone = 'Africa/Dar_es_Salaam'): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso))
}
