import { useTranslation } from 'react-i18next'

export default function AdminPage() {
  const { t } = useTranslation()
  return (
    <main className="home">
      <h1>{t('home.admin')}</h1>
    </main>
  )
}
