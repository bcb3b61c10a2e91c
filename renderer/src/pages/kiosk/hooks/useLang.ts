import { useTranslation } from 'react-i18next'
import { setLanguage } from '../../../i18n/setup'
import type { Lang } from '../logic/format'

/** The language now shown, and the one-tap switch to the other. */
export function useLang(): { lang: Lang; toggle: () => void } {
  const { i18n } = useTranslation()
  const lang: Lang = i18n.language === 'en' ? 'en' : 'sw'
  return { lang, toggle: () => setLanguage(lang === 'sw' ? 'en' : 'sw') }
}
