import type sw from './sw'

// English. Same keys as sw.ts, checked by the type below and by tests/unit/i18n.test.ts.
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

const en: Shape<typeof sw> = {
  home: {
    tagline: 'Real-time conference check-in and badges',
    dashboard: 'Ushers’ dashboard',
    admin: 'Administration',
    kiosk: 'Kiosk',
  },
  common: {
    language: 'Kiswahili',
    online: 'Online',
    offline: 'Offline',
    loading: 'Loading…',
  },
}
export default en
