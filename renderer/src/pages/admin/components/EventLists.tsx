// The event's four lists, each an editable table: days, groups (with their allowed days),
// halls (with capacity) and desks (with their hall).
import { useTranslation } from 'react-i18next'
import type { EditableEvent, EventAnswer } from '../../../api/admin'
import type { Bilingual } from '../../../../../shared/domain'
import { useLang } from '../context'

type Change = (next: Partial<EditableEvent>) => void

/** A fresh id for a new row that no existing row has. */
function freshId(prefix: string, taken: { id: string }[]): string {
  for (let n = taken.length + 1; ; n++) if (!taken.some((x) => x.id === `${prefix}${n}`)) return `${prefix}${n}`
}

function replaceAt<T>(list: T[], i: number, item: T): T[] {
  return list.map((x, j) => (j === i ? item : x))
}

function NameInputs({ value, onChange, testId }: { value: Bilingual; onChange(b: Bilingual): void; testId: string }) {
  const { t } = useTranslation()
  return (
    <>
      <td>
        <input aria-label={t('admin.event.nameSw')} value={value.sw} required maxLength={200} data-testid={`${testId}-sw`} onChange={(e) => onChange({ ...value, sw: e.target.value })} />
      </td>
      <td>
        <input aria-label={t('admin.event.nameEn')} value={value.en} required maxLength={200} data-testid={`${testId}-en`} onChange={(e) => onChange({ ...value, en: e.target.value })} />
      </td>
    </>
  )
}

function IdInput({ value, onChange, testId }: { value: string; onChange(id: string): void; testId: string }) {
  const { t } = useTranslation()
  return (
    <td>
      <input aria-label={t('admin.event.id')} className="admin-id" value={value} required pattern="[A-Za-z0-9_.:\-]+" maxLength={64} data-testid={testId} onChange={(e) => onChange(e.target.value)} />
    </td>
  )
}

function ListHead({ columns }: { columns: string[] }) {
  const { t } = useTranslation()
  return (
    <thead>
      <tr>
        <th>{t('admin.event.id')}</th>
        {columns.map((c) => (
          <th key={c}>{c}</th>
        ))}
        <th />
      </tr>
    </thead>
  )
}

export function DaysEditor({ event, usage, onChange }: { event: EditableEvent; usage: EventAnswer['usage']; onChange: Change }) {
  const { t } = useTranslation()
  const days = event.days
  return (
    <fieldset data-testid="event-days">
      <legend>{t('admin.event.days')}</legend>
      <table className="admin-table">
        <ListHead columns={[t('admin.event.date'), t('admin.event.nameSw'), t('admin.event.nameEn')]} />
        <tbody>
          {days.map((d, i) => {
            const used = usage.days[d.id] ?? 0
            return (
              <tr key={i}>
                <IdInput value={d.id} testId={`day-${i}-id`} onChange={(id) => onChange({ days: replaceAt(days, i, { ...d, id }) })} />
                <td>
                  <input type="date" required value={d.date} data-testid={`day-${i}-date`} onChange={(e) => onChange({ days: replaceAt(days, i, { ...d, date: e.target.value }) })} />
                </td>
                <NameInputs value={d.name} testId={`day-${i}-name`} onChange={(name) => onChange({ days: replaceAt(days, i, { ...d, name }) })} />
                <td>
                  <button type="button" disabled={used > 0 || days.length === 1} title={used ? t('admin.event.dayInUse', { count: used }) : undefined} onClick={() => onChange({ days: days.filter((_, j) => j !== i) })}>
                    {t('admin.remove')}
                  </button>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <button type="button" data-testid="day-add" onClick={() => onChange({ days: [...days, { id: freshId('d', days), date: days.at(-1)?.date ?? new Date().toISOString().slice(0, 10), name: { sw: `Siku ya ${days.length + 1}`, en: `Day ${days.length + 1}` } }] })}>
        {t('admin.add')}
      </button>
    </fieldset>
  )
}

export function GroupsEditor({ event, usage, onChange }: { event: EditableEvent; usage: EventAnswer['usage']; onChange: Change }) {
  const { t } = useTranslation()
  const { name } = useLang()
  const groups = event.groups
  return (
    <fieldset data-testid="event-groups">
      <legend>{t('admin.event.groups')}</legend>
      <table className="admin-table">
        <ListHead columns={[t('admin.event.nameSw'), t('admin.event.nameEn'), t('admin.event.color'), t('admin.event.allowedDays')]} />
        <tbody>
          {groups.map((g, i) => {
            const used = usage.groups[g.id] ?? 0
            const toggle = (dayId: string, on: boolean) => onChange({ groups: replaceAt(groups, i, { ...g, days: on ? [...g.days, dayId] : g.days.filter((x) => x !== dayId) }) })
            return (
              <tr key={i}>
                <IdInput value={g.id} testId={`group-${i}-id`} onChange={(id) => onChange({ groups: replaceAt(groups, i, { ...g, id }) })} />
                <NameInputs value={g.name} testId={`group-${i}-name`} onChange={(n) => onChange({ groups: replaceAt(groups, i, { ...g, name: n }) })} />
                <td>
                  <input type="color" value={g.color} data-testid={`group-${i}-color`} onChange={(e) => onChange({ groups: replaceAt(groups, i, { ...g, color: e.target.value }) })} />
                </td>
                <td className="admin-days">
                  {event.days.map((d) => (
                    <label key={d.id}>
                      <input type="checkbox" checked={g.days.includes(d.id)} data-testid={`group-${i}-day-${d.id}`} onChange={(e) => toggle(d.id, e.target.checked)} />
                      {name(d.name) || d.id}
                    </label>
                  ))}
                </td>
                <td>
                  <button type="button" disabled={used > 0 || groups.length === 1} title={used ? t('admin.event.inUse', { count: used }) : undefined} onClick={() => onChange({ groups: groups.filter((_, j) => j !== i) })}>
                    {t('admin.remove')}
                  </button>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <button type="button" data-testid="group-add" onClick={() => onChange({ groups: [...groups, { id: freshId('group-', groups), name: { sw: '', en: '' }, color: '#777777', days: event.days.map((d) => d.id) }] })}>
        {t('admin.add')}
      </button>
    </fieldset>
  )
}

export function HallsEditor({ event, onChange }: { event: EditableEvent; onChange: Change }) {
  const { t } = useTranslation()
  const halls = event.halls
  return (
    <fieldset data-testid="event-halls">
      <legend>{t('admin.event.halls')}</legend>
      <table className="admin-table">
        <ListHead columns={[t('admin.event.nameSw'), t('admin.event.nameEn'), t('admin.event.capacity')]} />
        <tbody>
          {halls.map((h, i) => (
            <tr key={i}>
              <IdInput value={h.id} testId={`hall-${i}-id`} onChange={(id) => onChange({ halls: replaceAt(halls, i, { ...h, id }) })} />
              <NameInputs value={h.name} testId={`hall-${i}-name`} onChange={(name) => onChange({ halls: replaceAt(halls, i, { ...h, name }) })} />
              <td>
                <input type="number" min={0} max={1000000} step={1} value={h.capacity} data-testid={`hall-${i}-capacity`} onChange={(e) => onChange({ halls: replaceAt(halls, i, { ...h, capacity: Math.max(0, Math.floor(Number(e.target.value) || 0)) }) })} />
              </td>
              <td>
                <button type="button" onClick={() => onChange({ halls: halls.filter((_, j) => j !== i) })}>
                  {t('admin.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" data-testid="hall-add" onClick={() => onChange({ halls: [...halls, { id: freshId('hall-', halls), name: { sw: '', en: '' }, capacity: 0 }] })}>
        {t('admin.add')}
      </button>
    </fieldset>
  )
}

export function DesksEditor({ event, onChange }: { event: EditableEvent; onChange: Change }) {
  const { t } = useTranslation()
  const { name } = useLang()
  const desks = event.desks
  return (
    <fieldset data-testid="event-desks">
      <legend>{t('admin.event.desks')}</legend>
      <table className="admin-table">
        <ListHead columns={[t('admin.event.nameSw'), t('admin.event.nameEn'), t('admin.event.hall')]} />
        <tbody>
          {desks.map((d, i) => (
            <tr key={i}>
              <IdInput value={d.id} testId={`desk-${i}-id`} onChange={(id) => onChange({ desks: replaceAt(desks, i, { ...d, id }) })} />
              <NameInputs value={d.name} testId={`desk-${i}-name`} onChange={(n) => onChange({ desks: replaceAt(desks, i, { ...d, name: n }) })} />
              <td>
                <select
                  value={d.hallId ?? ''}
                  data-testid={`desk-${i}-hall`}
                  onChange={(e) => {
                    const { hallId: _old, ...rest } = d
                    onChange({ desks: replaceAt(desks, i, e.target.value ? { ...rest, hallId: e.target.value } : rest) })
                  }}
                >
                  <option value="">{t('admin.none')}</option>
                  {event.halls.map((h) => (
                    <option key={h.id} value={h.id}>
                      {name(h.name) || h.id}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <button type="button" onClick={() => onChange({ desks: desks.filter((_, j) => j !== i) })}>
                  {t('admin.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" data-testid="desk-add" onClick={() => onChange({ desks: [...desks, { id: freshId('desk-', desks), name: { sw: '', en: '' } }] })}>
        {t('admin.add')}
      </button>
    </fieldset>
  )
}
