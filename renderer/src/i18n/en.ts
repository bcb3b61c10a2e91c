import type sw from './sw'

// English. Same keys as sw.ts, checked by the type below.
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

const en: Shape<typeof sw> = {
  home: {
    titleKiosk: 'Kiosk',
    tagline: 'Real-time conference check-in and badges',
    dashboard: 'Ushers’ dashboard',
    admin: 'Administration',
    kioskHint: 'Kiosks run on each desk PC: the Karibu app (Electron), or npm run kiosk:web and then http://127.0.0.1:5180/kiosk.',
  },
  common: {
    language: 'Kiswahili',
    online: 'Online',
    offline: 'Offline',
    loading: 'Loading…',
  },
}
export default en
