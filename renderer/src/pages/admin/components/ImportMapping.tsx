// Which column of the file feeds which field: the hub's guess, adjustable.
import { useTranslation } from 'react-i18next'
import { IMPORT_FIELDS, type Mapping } from '../../../api/admin'

export function ImportMapping({
  columns,
  mapping,
  onChange,
  onCheck,
  busy,
}: {
  columns: string[]
  mapping: Mapping
  onChange(m: Mapping): void
  onCheck(): void
  busy: boolean
}) {
  const { t } = useTranslation()
  return (
    <details className="admin-mapping" data-testid="import-mapping">
      <summary>{t('admin.import.mapping')}</summary>
      <p className="admin-help">{t('admin.import.mappingHelp')}</p>
      <table className="admin-table">
        <thead>
          <tr>
            <th>{t('admin.import.field')}</th>
            <th>{t('admin.import.column')}</th>
          </tr>
        </thead>
        <tbody>
          {IMPORT_FIELDS.map((field) => (
            <tr key={field}>
              <td>{t(`admin.import.fields.${field}`)}</td>
              <td>
                <select
                  value={mapping[field] ?? ''}
                  data-testid={`mapping-${field}`}
                  onChange={(e) => onChange({ ...mapping, [field]: e.target.value || null })}
                >
                  <option value="">{t('admin.import.notUsed')}</option>
                  {columns.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={onCheck} disabled={busy} data-testid="import-check-again">
        {t('admin.import.again')}
      </button>
    </details>
  )
}
