// The event's four lists: days, groups (with their allowed days), halls (with capacity) and
// desks (with their hall). Each row is a small card of labelled fields, so the same form works
// on a laptop and on a 360 px phone, and every field says what it is to a screen reader.
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { EditableEvent, EventAnswer } from '../../../api/admin'
import { groupNumber, type Bilingual } from '../../../../../shared/domain'
import { dayDate, dayWithWeekday } from '../../../../../shared/local-time'
import { useLang } from '../context'

type Change = (next: Partial<EditableEvent>) => void

/** A fresh id for a new row that no existing row has. */
function freshId(prefix: string, taken: { id: string }[]): string {
  for (let n = taken.length + 1; ; n++) if (!taken.some((x) => x.id === `${prefix}${n}`)) return `${prefix}${n}`
}

function replaceAt<T>(list: T[], i: number, item: T): T[] {
  return list.map((x, j) => (j === i ? item : x))
}

function Field({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <label className={`admin-field${wide ? ' admin-field-wide' : ''}`}>
      <span className="admin-field-label">{label}</span>
      {children}
    </label>
  )
}

function NameInputs({ value, onChange, testId, what }: { value: Bilingual; onChange(b: Bilingual): void; testId: string; what: string }) {
  const { t } = useTranslation()
  return (
    <>
      <Field label={`${what} — ${t('admin.event.nameSw')}`} wide>
        <input
          value={value.sw}
          required
          maxLength={200}
          data-testid={`${testId}-sw`}
          onChange={(e) => onChange({ ...value, sw: e.target.value })}
        />
      </Field>
      <Field label={`${what} — ${t('admin.event.nameEn')}`} wide>
        <input
          value={value.en}
          required
          maxLength={200}
          data-testid={`${testId}-en`}
          onChange={(e) => onChange({ ...value, en: e.target.value })}
        />
      </Field>
    </>
  )
}

function IdInput({ value, onChange, testId }: { value: string; onChange(id: string): void; testId: string }) {
  const { t } = useTranslation()
  return (
    <Field label={t('admin.event.id')}>
      <input
        className="admin-id"
        value={value}
        required
        pattern="[A-Za-z0-9_.:\-]+"
        maxLength={64}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  )
}

/**
 * A day's date as the venue writes it, dd/mm/yyyy, whatever the browser's own locale (a date
 * input follows the browser and shows mm/dd/yyyy on an English-US laptop).
 */
function DateInput({ value, onChange, testId }: { value: string; onChange(iso: string): void; testId: string }) {
  const { t } = useTranslation()
  const { lang } = useLang()
  const [text, setText] = useState(dayDate(value))
  const iso = (s: string) => {
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s.trim())
    if (!m) return null
    const candidate = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`
    const d = new Date(`${candidate}T12:00:00Z`)
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === candidate ? candidate : null
  }
  const parsed = iso(text)
  return (
    <Field label={t('admin.event.date')}>
      <input
        inputMode="numeric"
        placeholder="dd/mm/yyyy"
        required
        value={text}
        aria-invalid={parsed ? undefined : true}
        data-testid={testId}
        onChange={(e) => {
          setText(e.target.value)
          const next = iso(e.target.value)
          if (next) onChange(next)
        }}
      />
      <span className="admin-help">{parsed ? dayWithWeekday(parsed, lang) : t('admin.event.dateFormat')}</span>
    </Field>
  )
}

function RemoveButton({ disabled, why, onRemove }: { disabled: boolean; why?: string | undefined; onRemove(): void }) {
  const { t } = useTranslation()
  return (
    <div className="admin-card-end">
      <button type="button" className="admin-quiet" disabled={disabled} onClick={onRemove}>
        {t('admin.remove')}
      </button>
      {why && <span className="admin-help">{why}</span>}
    </div>
  )
}

export function DaysEditor({ event, usage, onChange }: { event: EditableEvent; usage: EventAnswer['usage']; onChange: Change }) {
  const { t } = useTranslation()
  const days = event.days
  return (
    <fieldset data-testid="event-days">
      <legend>{t('admin.event.days')}</legend>
      <ul className="admin-cards">
        {days.map((d, i) => {
          const used = usage.days[d.id] ?? 0
          return (
            <li key={i} className="admin-card">
              <IdInput value={d.id} testId={`day-${i}-id`} onChange={(id) => onChange({ days: replaceAt(days, i, { ...d, id }) })} />
              <DateInput
                value={d.date}
                testId={`day-${i}-date`}
                onChange={(date) => onChange({ days: replaceAt(days, i, { ...d, date }) })}
              />
              <NameInputs
                what={t('admin.event.dayName')}
                value={d.name}
                testId={`day-${i}-name`}
                onChange={(name) => onChange({ days: replaceAt(days, i, { ...d, name }) })}
              />
              <RemoveButton
                disabled={used > 0 || days.length === 1}
                why={used ? t('admin.event.dayInUse', { count: used }) : undefined}
                onRemove={() => onChange({ days: days.filter((_, j) => j !== i) })}
              />
            </li>
          )
        })}
      </ul>
      <button
        type="button"
        data-testid="day-add"
        onClick={() =>
          onChange({
            days: [
              ...days,
              {
                id: freshId('d', days),
                date: days.at(-1)?.date ?? new Date().toISOString().slice(0, 10),
                name: { sw: `Siku ya ${days.length + 1}`, en: `Day ${days.length + 1}` },
              },
            ],
          })
        }
      >
        {t('admin.event.addDay')}
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
      <ul className="admin-cards">
        {groups.map((g, i) => {
          const used = usage.groups[g.id] ?? 0
          const toggle = (dayId: string, on: boolean) =>
            onChange({ groups: replaceAt(groups, i, { ...g, days: on ? [...g.days, dayId] : g.days.filter((x) => x !== dayId) }) })
          return (
            <li key={i} className="admin-card">
              <IdInput value={g.id} testId={`group-${i}-id`} onChange={(id) => onChange({ groups: replaceAt(groups, i, { ...g, id }) })} />
              <Field label={t('admin.event.groupNumber')}>
                <input
                  type="number"
                  min={1}
                  max={999}
                  step={1}
                  value={groupNumber(groups, i)}
                  data-testid={`group-${i}-number`}
                  onChange={(e) => {
                    const n = Math.floor(Number(e.target.value))
                    onChange({ groups: replaceAt(groups, i, n >= 1 && n <= 999 ? { ...g, number: n } : g) })
                  }}
                />
                <span className="admin-help">{t('admin.event.groupNumberHelp', { n: groupNumber(groups, i) })}</span>
              </Field>
              <Field label={t('admin.event.color')}>
                <input
                  type="color"
                  value={g.color}
                  data-testid={`group-${i}-color`}
                  onChange={(e) => onChange({ groups: replaceAt(groups, i, { ...g, color: e.target.value }) })}
                />
              </Field>
              <NameInputs
                what={t('admin.event.groupName')}
                value={g.name}
                testId={`group-${i}-name`}
                onChange={(n) => onChange({ groups: replaceAt(groups, i, { ...g, name: n }) })}
              />
              <fieldset className="admin-days admin-field-wide">
                <legend className="admin-field-label">{t('admin.event.allowedDays')}</legend>
                {event.days.map((d) => (
                  <label key={d.id} className="admin-check">
                    <input
                      type="checkbox"
                      checked={g.days.includes(d.id)}
                      data-testid={`group-${i}-day-${d.id}`}
                      onChange={(e) => toggle(d.id, e.target.checked)}
                    />
                    <span>{name(d.name) || d.id}</span>
                  </label>
                ))}
              </fieldset>
              <RemoveButton
                disabled={used > 0 || groups.length === 1}
                why={used ? t('admin.event.inUse', { count: used }) : undefined}
                onRemove={() => onChange({ groups: groups.filter((_, j) => j !== i) })}
              />
            </li>
          )
        })}
      </ul>
      <button
        type="button"
        data-testid="group-add"
        onClick={() =>
          onChange({
            groups: [
              ...groups,
              { id: freshId('group-', groups), name: { sw: '', en: '' }, color: '#777777', days: event.days.map((d) => d.id) },
            ],
          })
        }
      >
        {t('admin.event.addGroup')}
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
      <ul className="admin-cards">
        {halls.map((h, i) => (
          <li key={i} className="admin-card">
            <IdInput value={h.id} testId={`hall-${i}-id`} onChange={(id) => onChange({ halls: replaceAt(halls, i, { ...h, id }) })} />
            <Field label={t('admin.event.capacity')}>
              <input
                type="number"
                min={0}
                max={1000000}
                step={1}
                value={h.capacity}
                data-testid={`hall-${i}-capacity`}
                onChange={(e) =>
                  onChange({ halls: replaceAt(halls, i, { ...h, capacity: Math.max(0, Math.floor(Number(e.target.value) || 0)) }) })
                }
              />
            </Field>
            <NameInputs
              what={t('admin.event.hallName')}
              value={h.name}
              testId={`hall-${i}-name`}
              onChange={(name) => onChange({ halls: replaceAt(halls, i, { ...h, name }) })}
            />
            <RemoveButton disabled={false} onRemove={() => onChange({ halls: halls.filter((_, j) => j !== i) })} />
          </li>
        ))}
      </ul>
      <button
        type="button"
        data-testid="hall-add"
        onClick={() => onChange({ halls: [...halls, { id: freshId('hall-', halls), name: { sw: '', en: '' }, capacity: 0 }] })}
      >
        {t('admin.event.addHall')}
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
      <ul className="admin-cards">
        {desks.map((d, i) => (
          <li key={i} className="admin-card">
            <IdInput value={d.id} testId={`desk-${i}-id`} onChange={(id) => onChange({ desks: replaceAt(desks, i, { ...d, id }) })} />
            <Field label={t('admin.event.hall')}>
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
            </Field>
            <NameInputs
              what={t('admin.event.deskName')}
              value={d.name}
              testId={`desk-${i}-name`}
              onChange={(n) => onChange({ desks: replaceAt(desks, i, { ...d, name: n }) })}
            />
            <RemoveButton disabled={false} onRemove={() => onChange({ desks: desks.filter((_, j) => j !== i) })} />
          </li>
        ))}
      </ul>
      <button
        type="button"
        data-testid="desk-add"
        onClick={() => onChange({ desks: [...desks, { id: freshId('desk-', desks), name: { sw: '', en: '' } }] })}
      >
        {t('admin.event.addDesk')}
      </button>
    </fieldset>
  )
}
