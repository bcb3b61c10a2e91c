// One app, three pages chosen by path: /kiosk (served by the kiosk agent on each desk PC),
// /dashboard and /admin (served by the hub, whose home page links to them).
import { lazy, Suspense, useEffect } from 'react'
import { useTranslation } from 'react-i18next'

const KioskPage = lazy(() => import('./pages/kiosk/KioskPage'))
const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage'))
const AdminPage = lazy(() => import('./pages/admin/AdminPage'))

function Home() {
  const { t } = useTranslation()
  return (
    <main className="home">
      <h1>Karibu</h1>
      <p>{t('home.tagline')}</p>
      <ul>
        <li>
          <a href="/dashboard">{t('home.dashboard')}</a>
        </li>
        <li>
          <a href="/admin">{t('home.admin')}</a>
        </li>
      </ul>
      <p>{t('home.kioskHint')}</p>
    </main>
  )
}

/** Each page's name in the tab and the window list, in the page's language. */
const TITLES: Record<string, string> = { '/kiosk': 'home.titleKiosk', '/dashboard': 'home.dashboard', '/admin': 'home.admin' }

export function App() {
  const { t, i18n } = useTranslation()
  const path = window.location.pathname.replace(/\/+$/, '')
  const Page = path === '/kiosk' ? KioskPage : path === '/dashboard' ? DashboardPage : path === '/admin' ? AdminPage : Home
  useEffect(() => {
    const title = TITLES[path]
    document.title = title ? `${t(title)} · Karibu` : 'Karibu'
  }, [path, t, i18n.language])
  return (
    <Suspense fallback={null}>
      <Page />
    </Suspense>
  )
}
