// The organiser's page: sign in with the admin credential, then one tab per job — import the
// list, set up the event, register walk-ins, pair kiosks, export registers, manage credentials.
import { useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AdminApi, adminToken } from '../../api/admin'
import './admin.css'
import { LanguageButton } from './components/common'
import { CredentialsTab } from './components/CredentialsTab'
import { EventTab } from './components/EventTab'
import { ExportsTab } from './components/ExportsTab'
import { ImportTab } from './components/ImportTab'
import { KiosksTab } from './components/KiosksTab'
import { SignIn } from './components/SignIn'
import { WalkInTab } from './components/WalkInTab'
import { AdminContext, type AdminSession } from './context'
import './strings'

const TABS = ['import', 'event', 'walkIn', 'kiosks', 'exports', 'credentials'] as const
type Tab = (typeof TABS)[number]

const PANELS: Record<Tab, () => React.JSX.Element> = {
  import: ImportTab,
  event: EventTab,
  walkIn: WalkInTab,
  kiosks: KiosksTab,
  exports: ExportsTab,
  credentials: CredentialsTab,
}

export default function AdminPage() {
  const [token, setToken] = useState(() => adminToken.load())
  const [expired, setExpired] = useState(false)

  const signOut = useCallback((wasRefused: boolean) => {
    adminToken.forget()
    setExpired(wasRefused)
    setToken(null)
  }, [])
  const tokenChanged = useCallback((next: string) => {
    adminToken.save(next)
    setToken(next)
  }, [])

  if (!token) {
    return (
      <SignIn
        expired={expired}
        onSignedIn={(t) => {
          adminToken.save(t)
          setExpired(false)
          setToken(t)
        }}
      />
    )
  }
  return <Signed token={token} onSignOut={signOut} onTokenChanged={tokenChanged} />
}

function Signed({
  token,
  onSignOut,
  onTokenChanged,
}: {
  token: string
  onSignOut(refused: boolean): void
  onTokenChanged(token: string): void
}) {
  const { t } = useTranslation()
  const [tab, setTab] = useState<Tab>('import')
  const session = useMemo<AdminSession>(
    () => ({ api: new AdminApi(token), unauthorized: () => onSignOut(true), tokenChanged: onTokenChanged }),
    [token, onSignOut, onTokenChanged],
  )
  const Panel = PANELS[tab]
  return (
    <AdminContext.Provider value={session}>
      <div className="admin" data-testid="admin">
        <header className="admin-bar">
          <h1>{t('admin.title')}</h1>
          <LanguageButton />
          <button type="button" onClick={() => onSignOut(false)} data-testid="admin-signout">
            {t('admin.signOut')}
          </button>
        </header>
        <nav className="admin-tabs" role="tablist">
          {TABS.map((id) => (
            <button key={id} type="button" role="tab" aria-selected={tab === id} data-testid={`tab-${id}`} onClick={() => setTab(id)}>
              {t(`admin.tabs.${id}`)}
            </button>
          ))}
        </nav>
        <main className="admin-panel" role="tabpanel" data-testid={`panel-${tab}`}>
          <Panel />
        </main>
      </div>
    </AdminContext.Provider>
  )
}
