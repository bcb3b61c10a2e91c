// The preview's two tables: problems by spreadsheet row, and the first rows as they would land.
import { useTranslation } from 'react-i18next'
import type { ImportPreview, ImportProblem, RowUpdate } from '../../../api/admin'
import { useLang } from '../context'

export function ImportProblems({ problems }: { problems: ImportProblem[] }) {
  const { t } = useTranslation()
  const { name } = useLang()
  if (problems.length === 0)
    return (
      <p className="admin-ok" data-testid="import-no-problems">
        {t('admin.import.noProblems')}
      </p>
    )
  return (
    <>
      <h3>{t('admin.import.problems', { count: problems.length })}</h3>
      <table className="admin-table" data-testid="import-problems">
        <thead>
          <tr>
            <th className="num">{t('admin.import.row')}</th>
            <th>{t('admin.import.fields.externalId')}</th>
            <th>{t('admin.import.name')}</th>
            <th>{t('admin.import.field')}</th>
            <th>{t('admin.import.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            <tr key={`${p.row}-${p.code}-${i}`} data-row={p.row} data-code={p.code}>
              <td className="num">{p.row}</td>
              <td>{p.externalId ?? ''}</td>
              <td>{p.name ?? ''}</td>
              <td>{p.field ? t(`admin.import.fields.${p.field}`) : ''}</td>
              <td>{name(p.message)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}

export function ImportSample({
  sample,
  groups,
  categories,
}: {
  sample: ImportPreview['sample']
  groups: ImportPreview['groups']
  categories: ImportPreview['categories']
}) {
  const { t } = useTranslation()
  const { name } = useLang()
  if (sample.length === 0) return null
  // "Kundi la 1: Maafisa TEHAMA", as organisers say it, rather than the id
  const groupName = (id: string) => {
    const g = groups.find((x) => x.id === id)
    return g ? t('admin.import.groupOption', { number: g.number, name: name(g.name) }) : id
  }
  const text = (v: unknown) => (typeof v === 'string' ? v : '')
  // a defined category by the event's name; free text (or a value still unknown) as written
  const categoryName = (v: unknown) => {
    const c = categories.find((x) => x.id === v)
    return c ? name(c.name) : text(v)
  }
  return (
    <>
      <h3>{t('admin.import.sample')}</h3>
      <table className="admin-table" data-testid="import-sample">
        <thead>
          <tr>
            <th className="num">{t('admin.import.row')}</th>
            <th />
            <th>{t('admin.import.fields.externalId')}</th>
            <th>{t('admin.import.fields.firstName')}</th>
            <th>{t('admin.import.fields.lastName')}</th>
            <th>{t('admin.import.fields.organisation')}</th>
            <th>{t('admin.import.fields.groupId')}</th>
            <th>{t('admin.import.fields.category')}</th>
            <th>{t('admin.import.fields.phone')}</th>
          </tr>
        </thead>
        <tbody>
          {sample.map((s) => (
            <tr key={s.row} data-action={s.action}>
              <td className="num">{s.row}</td>
              <td className={`admin-action admin-action-${s.action}`}>{t(`admin.import.action.${s.action}`)}</td>
              <td>{text(s.values.externalId)}</td>
              <td>{s.values.firstName}</td>
              <td>{s.values.lastName}</td>
              <td>{text(s.values.organisation)}</td>
              <td>{s.values.groupId ? groupName(s.values.groupId) : ''}</td>
              <td>{categoryName(s.values.category)}</td>
              <td>{text(s.values.phone)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}

/** Rows that update someone registered: each change, old → new, so a re-import holds no surprise. */
export function ImportUpdates({ updates }: { updates: RowUpdate[] }) {
  const { t } = useTranslation()
  if (updates.length === 0) return null
  return (
    <>
      <h3>{t('admin.import.updates', { count: updates.length })}</h3>
      <table className="admin-table" data-testid="import-updates">
        <thead>
          <tr>
            <th className="num">{t('admin.import.row')}</th>
            <th>{t('admin.import.fields.externalId')}</th>
            <th>{t('admin.import.name')}</th>
            <th>{t('admin.import.field')}</th>
            <th>{t('admin.import.old')}</th>
            <th>{t('admin.import.new')}</th>
          </tr>
        </thead>
        <tbody>
          {updates.flatMap((u) =>
            u.changes.map((c, i) => (
              <tr key={`${u.row}-${c.field}`} data-row={u.row} data-field={c.field}>
                <td className="num">{i === 0 ? u.row : ''}</td>
                <td>{i === 0 ? (u.externalId ?? '') : ''}</td>
                <td>{i === 0 ? u.name : ''}</td>
                <td>{t(`admin.import.fields.${c.field}`)}</td>
                <td className="admin-old">{c.from}</td>
                <td className="admin-new">{c.to}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </>
  )
}
