import { useTranslation } from 'react-i18next'
import { setLanguage } from '../../../i18n/setup'

/** One tap to the other language; the label is in the language it switches to. */
export function LanguageButton() {
  const { t, i18n } = useTranslation()
  return (
    <button type="button" className="dash-lang" data-testid="language" onClick={() => setLanguage(i18n.language === 'en' ? 'sw' : 'en')}>
      {t('common.language')}
    </button>
  )
}
