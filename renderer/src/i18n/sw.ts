// Kiswahili. Every key here must exist in en.ts too (tests/unit/i18n.test.ts checks).
const sw = {
  home: {
    tagline: 'Usajili na beji za mkutano kwa wakati halisi',
    dashboard: 'Dashibodi ya wahudumu',
    admin: 'Utawala',
    kiosk: 'Kioski',
  },
  common: {
    language: 'English',
    online: 'Mtandaoni',
    offline: 'Nje ya mtandao',
    loading: 'Inapakia…',
  },
}
export default sw
