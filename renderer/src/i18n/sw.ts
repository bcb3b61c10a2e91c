// Kiswahili. Every key here must exist in en.ts too (en.ts's type checks it).
const sw = {
  home: {
    titleKiosk: 'Kioski',
    tagline: 'Usajili na beji za mkutano kwa wakati halisi',
    dashboard: 'Dashibodi ya wahudumu',
    admin: 'Utawala',
    kioskHint:
      'Kioski huendeshwa kwenye kompyuta ya kila meza: programu ya Karibu (Electron), au npm run kiosk:web kisha http://127.0.0.1:5180/kiosk.',
  },
  common: {
    language: 'English',
    online: 'Mtandaoni',
    offline: 'Nje ya mtandao',
    loading: 'Inapakia…',
  },
}
export default sw
