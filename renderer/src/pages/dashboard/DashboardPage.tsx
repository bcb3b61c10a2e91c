import { useTranslation } from 'react-i18next'

export default function DashboardPage() {
  const { t } = useTranslation()
  return (
    <main className="home">
      <h1>{t('home.dashboard')}</h1>
    </main>
  )
}
