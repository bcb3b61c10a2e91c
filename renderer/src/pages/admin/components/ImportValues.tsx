// The value-mapping step: each group value of the file that names no group (and each one the
// organiser already chose for), with its row count; map it to a group or leave those rows out.
import { useTranslation } from 'react-i18next'
import type { ImportPreview, ValueChoices } from '../../../api/admin'
import { useLang } from '../context'

/** the select's value for "leave these rows out" (a group id never has this shape) */
const LEAVE_OUT = ' leave-out'

export function ImportValues({ preview, choices, onChange, busy }: { preview: ImportPreview; choices: ValueChoices; onChange(c: ValueChoices): void; busy: boolean }) {
  const { t } = useTranslation()
  const { name } = useLang()
  const shown = preview.values.filter((v) => v.by === 'unknown' || v.by === 'chosen' || v.by === 'left_out')
  if (shown.length === 0) return null
  const chosen = choices.groupId ?? {}
  const choose = (value: string, to: string) => {
    const next = { ...chosen }
    if (to === '') delete next[value]
    else next[value] = to === LEAVE_OUT ? null : to
    onChange({ ...choices, groupId: next })
  }
  return (
    <section className="admin-values" data-testid="import-values">
      <h3>{t('admin.import.values')}</h3>
      <p className="admin-help">{t('admin.import.valuesHelp')}</p>
      <table className="admin-table">
        <thead>
          <tr>
            <th>{t('admin.import.valueInFile')}</th>
            <th className="num">{t('admin.import.valueRows')}</th>
            <th>{t('admin.import.fields.groupId')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((v) => {
            const current = v.value in chosen ? (chosen[v.value] === null ? LEAVE_OUT : (chosen[v.value] ?? '')) : v.by === 'left_out' ? LEAVE_OUT : v.by === 'chosen' ? (v.to ?? '') : ''
            return (
              <tr key={v.value} data-value={v.value} data-by={v.by}>
                <td>{v.value}</td>
                <td className="num">{v.rows}</td>
                <td>
                  <select value={current} disabled={busy} data-testid="import-value-choice" aria-label={t('admin.import.valueChoice', { value: v.value })} onChange={(e) => choose(v.value, e.target.value)}>
                    <option value="">{t('admin.import.valueUnknown')}</option>
                    {preview.groups.map((g) => (
                      <option key={g.id} value={g.id}>
                        {t('admin.import.groupOption', { number: g.number, name: name(g.name) })}
                      </option>
                    ))}
                    <option value={LEAVE_OUT}>{t('admin.import.leaveOut')}</option>
                  </select>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </section>
  )
}
