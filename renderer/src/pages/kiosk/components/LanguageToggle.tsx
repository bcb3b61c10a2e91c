import { useTranslation } from 'react-i18next'
import { useLang } from '../hooks/useLang'

/** One tap to the other language; the button names the language it switches to. */
export function LanguageToggle() {
  const { t } = useTranslation()
  const { lang, toggle } = useLang()
  return (
    <button type="button" className="kiosk-lang" data-testid="language-toggle" lang={lang === 'sw' ? 'en' : 'sw'} onClick={toggle}>
      {t('common.language')}
    </button>
  )
}
