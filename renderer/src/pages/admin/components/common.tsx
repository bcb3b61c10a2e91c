// Small pieces every tab uses: an error line in the page language, the language switch, a
// file picker that speaks the page's language, a group picker, and times as the venue reads them.
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { calendarDate, clockTime as clockIn, DEFAULT_TIMEZONE } from '../../../../../shared/local-time'
import { AdminApiError } from '../../../api/admin'
import { setLanguage } from '../../../i18n/setup'
import type { EventInfo } from '../../../../../shared/domain'
import { useLang } from '../context'

export function ErrorNote({ error, testId = 'admin-error' }: { error: unknown; testId?: string }) {
  const { t } = useTranslation()
  const { name } = useLang()
  if (!error) return null
  let text: string
  if (error instanceof AdminApiError) {
    if (error.hubMessage) text = name(error.hubMessage)
    else if (error.status === 403) text = t('admin.errors.forbidden')
    else text = t('admin.errors.generic', { code: error.code })
  } else if (error instanceof TypeError) text = t('admin.errors.network')
  else text = t('admin.errors.generic', { code: String((error as Error)?.message ?? error) })
  return (
    <p className="admin-error" role="alert" data-testid={testId}>
      {text}
    </p>
  )
}

export function LanguageButton() {
  const { t, i18n } = useTranslation()
  return (
    <button type="button" className="admin-lang" data-testid="language" onClick={() => setLanguage(i18n.language === 'en' ? 'sw' : 'en')}>
      {t('common.language')}
    </button>
  )
}

/** "16:39" in the event's zone (GLOSSARY.md: 24-hour, no "saa"). */
export function clockTime(iso: string, timeZone = DEFAULT_TIMEZONE): string {
  return clockIn(iso, timeZone)
}

/** "03/12/2026 16:39" in the event's zone. */
export function dateTime(iso: string, timeZone = DEFAULT_TIMEZONE): string {
  return `${calendarDate(iso, timeZone)} ${clockIn(iso, timeZone)}`
}

/**
 * The browser's own file input says "Choose File / No file chosen" in the browser's language;
 * this one says it in the page's, and shows the chosen file's name.
 */
export function FilePicker({
  accept,
  testId,
  disabled,
  label,
  onFile,
}: {
  accept: string
  testId: string
  disabled?: boolean
  label: string
  onFile(file: File | undefined, input: HTMLInputElement): void
}) {
  const { t } = useTranslation()
  const id = useId()
  const [chosen, setChosen] = useState<string | null>(null)
  return (
    <div className="admin-file-picker">
      <input
        id={id}
        type="file"
        accept={accept}
        data-testid={testId}
        disabled={disabled}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0]
          setChosen(file?.name ?? null)
          onFile(file, e.currentTarget)
        }}
      />
      <label htmlFor={id} className="admin-file-button">
        {label}
      </label>
      <span className="admin-help">{chosen ?? t('admin.noFile')}</span>
    </div>
  )
}

/** A group of the event, or every group (''). */
export function GroupSelect({
  label,
  event,
  value,
  onChange,
  testId,
}: {
  label: string
  event: EventInfo
  value: string
  onChange(group: string): void
  testId: string
}) {
  const { t } = useTranslation()
  const { name } = useLang()
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">{t('admin.all')}</option>
        {event.groups.map((g) => (
          <option key={g.id} value={g.id}>
            {name(g.name)}
          </option>
        ))}
      </select>
    </label>
  )
}
