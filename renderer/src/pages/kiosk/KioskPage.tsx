import { useTranslation } from 'react-i18next'

export default function KioskPage() {
  const { t } = useTranslation()
  return (
    <main className="home">
      <h1>{t('home.kiosk')}</h1>
    </main>
  )
}
