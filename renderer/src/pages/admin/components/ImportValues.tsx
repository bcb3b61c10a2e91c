// The value-mapping step: each group value of the file that names no group (and each one the
// organiser already chose for), with its row count; map it to a group or leave those rows out.
// The same for category values when the event defines its categories.
import { useTranslation } from 'react-i18next'
import type { ImportPreview, ValueChoices, ValueField } from '../../../api/admin'
import { useLang } from '../context'

/** the select's value for "leave these rows out" (a group or category id never has this shape) */
const LEAVE_OUT = ' leave-out'

/** per field: the strings that name it, and the event's things a value may be mapped to */
const KEYS = {
  groupId: {
    title: 'admin.import.values',
    help: 'admin.import.valuesHelp',
    choice: 'admin.import.valueChoice',
    unknown: 'admin.import.valueUnknown',
  },
  category: {
    title: 'admin.import.categoryValues',
    help: 'admin.import.categoryValuesHelp',
    choice: 'admin.import.categoryValueChoice',
    unknown: 'admin.import.categoryValueUnknown',
  },
} as const

export function ImportValues({
  preview,
  choices,
  onChange,
  busy,
}: {
  preview: ImportPreview
  choices: ValueChoices
  onChange(c: ValueChoices): void
  busy: boolean
}) {
  const { t } = useTranslation()
  const { name } = useLang()
  const options: Record<ValueField, { id: string; label: string }[]> = {
    groupId: preview.groups.map((g) => ({ id: g.id, label: t('admin.import.groupOption', { number: g.number, name: name(g.name) }) })),
    category: preview.categories.map((c) => ({ id: c.id, label: name(c.name) })),
  }
  const fields = (['groupId', 'category'] as const).filter((f) => shownValues(preview, f).length > 0)
  if (fields.length === 0) return null
  return (
    <section className="admin-values" data-testid="import-values">
      {fields.map((field) => (
        <ValueTable
          key={field}
          field={field}
          preview={preview}
          options={options[field]}
          choices={choices}
          onChange={onChange}
          busy={busy}
        />
      ))}
    </section>
  )
}

const shownValues = (preview: ImportPreview, field: ValueField) =>
  preview.values.filter((v) => v.field === field && (v.by === 'unknown' || v.by === 'chosen' || v.by === 'left_out'))

function ValueTable({
  field,
  preview,
  options,
  choices,
  onChange,
  busy,
}: {
  field: ValueField
  preview: ImportPreview
  options: { id: string; label: string }[]
  choices: ValueChoices
  onChange(c: ValueChoices): void
  busy: boolean
}) {
  const { t } = useTranslation()
  const keys = KEYS[field]
  const chosen = choices[field] ?? {}
  const choose = (value: string, to: string) => {
    const next = { ...chosen }
    if (to === '') delete next[value]
    else next[value] = to === LEAVE_OUT ? null : to
    onChange({ ...choices, [field]: next })
  }
  return (
    <div data-testid={`import-values-${field}`}>
      <h3>{t(keys.title)}</h3>
      <p className="admin-help">{t(keys.help)}</p>
      <table className="admin-table">
        <thead>
          <tr>
            <th>{t('admin.import.valueInFile')}</th>
            <th className="num">{t('admin.import.valueRows')}</th>
            <th>{t(`admin.import.fields.${field}`)}</th>
          </tr>
        </thead>
        <tbody>
          {shownValues(preview, field).map((v) => {
            const current =
              v.value in chosen
                ? chosen[v.value] === null
                  ? LEAVE_OUT
                  : (chosen[v.value] ?? '')
                : v.by === 'left_out'
                  ? LEAVE_OUT
                  : v.by === 'chosen'
                    ? (v.to ?? '')
                    : ''
            return (
              <tr key={v.value} data-value={v.value} data-by={v.by}>
                <td>{v.value}</td>
                <td className="num">{v.rows}</td>
                <td>
                  <select
                    value={current}
                    disabled={busy}
                    data-testid="import-value-choice"
                    aria-label={t(keys.choice, { value: v.value })}
                    onChange={(e) => choose(v.value, e.target.value)}
                  >
                    <option value="">{t(keys.unknown)}</option>
                    {options.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.label}
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
    </div>
  )
}
