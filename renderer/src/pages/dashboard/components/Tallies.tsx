// Checked in against expected by a free-text field of the registration list (category,
// institution type): the keys are the list's own words, shown as they are unless the event
// names them in both languages (`names`).
import { useTranslation } from 'react-i18next'
import type { Tally } from '../../../../../shared/stats'
import { formatNumber, type Lang } from '../model/view'

export function Tallies({
  title,
  tallies,
  lang,
  testId,
  names,
}: {
  title: string
  tallies: Tally[]
  lang: Lang
  testId: string
  names?: (key: string) => string
}) {
  const { t } = useTranslation()
  return (
    <section className="dash-panel" data-testid={testId}>
      <h2>{title}</h2>
      <table className="dash-table">
        <thead>
          <tr>
            <th scope="col">{t('dashboard.name')}</th>
            <th scope="col" className="num">
              {t('dashboard.arrived')}
            </th>
            <th scope="col" className="num">
              {t('dashboard.expected')}
            </th>
          </tr>
        </thead>
        <tbody>
          {tallies.map((x) => (
            <tr key={x.key} data-key={x.key}>
              <th scope="row">{x.key === '-' ? t('dashboard.notStated') : (names?.(x.key) ?? x.key)}</th>
              <td className="num checked-in">{formatNumber(x.checkedIn, lang)}</td>
              <td className="num expected">{formatNumber(x.expected, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
