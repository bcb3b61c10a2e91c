// One app, three pages chosen by path: /kiosk (served by the kiosk agent on each desk PC),
// /dashboard and /admin (served by the hub, whose home page links to them).
import { lazy, Suspense } from 'react'
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
        <li><a href="/dashboard">{t('home.dashboard')}</a></li>
        <li><a href="/admin">{t('home.admin')}</a></li>
      </ul>
      <p>{t('home.kioskHint')}</p>
    </main>
  )
}

export function App() {
  const path = window.location.pathname.replace(/\/+$/, '')
  const Page = path === '/kiosk' ? KioskPage : path === '/dashboard' ? DashboardPage : path === '/admin' ? AdminPage : Home
  return (
    <Suspense fallback={null}>
      <Page />
    </Suspense>
  )
}
