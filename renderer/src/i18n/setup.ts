// Swahili first, English one tap away. The choice is remembered per device.
import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import en from './en'
import sw from './sw'

export const LANGUAGES = ['sw', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
const KEY = 'karibu.language'

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(KEY) : null
void i18n.use(initReactI18next).init({
  resources: { sw: { translation: sw }, en: { translation: en } },
  lng: saved === 'en' ? 'en' : 'sw',
  fallbackLng: 'sw',
  interpolation: { escapeValue: false },
})
// (the strings are also loaded outside a browser, by the glossary test)
if (typeof document !== 'undefined') document.documentElement.lang = i18n.language

export function setLanguage(lang: Language) {
  localStorage.setItem(KEY, lang)
  void i18n.changeLanguage(lang)
  document.documentElement.lang = lang
}

export default i18n

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

/**
 * Each page brings its own strings under its own key (kiosk.*, dashboard.*, admin.*), in both
 * languages; the English type must have exactly the Swahili keys.
 */
export function registerStrings<T extends object>(key: string, strings: { sw: T; en: Shape<T> }) {
  i18n.addResourceBundle('sw', 'translation', { [key]: strings.sw }, true, true)
  i18n.addResourceBundle('en', 'translation', { [key]: strings.en }, true, true)
}
