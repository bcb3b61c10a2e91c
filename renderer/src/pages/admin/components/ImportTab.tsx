// Import: choose a file → the hub's preview (problems by spreadsheet row, the column mapping,
// the first rows) → import the valid rows, or all or nothing. Nothing is written before that.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  AdminApiError,
  fileToBase64,
  importTemplatePath,
  saveFile,
  type ImportMode,
  type ImportPreview,
  type ImportResult,
  type Mapping,
  type ValueChoices,
} from '../../../api/admin'
import { useAction, useAdmin } from '../context'
import { ErrorNote, FilePicker } from './common'
import { ImportMapping } from './ImportMapping'
import { ImportProblems, ImportSample, ImportUpdates } from './ImportTables'
import { ImportValues } from './ImportValues'

interface Chosen {
  name: string
  base64: string
}

export function ImportTab() {
  const { t } = useTranslation()
  const { api } = useAdmin()
  const { busy, error, run } = useAction()
  const [file, setFile] = useState<Chosen | null>(null)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [mapping, setMapping] = useState<Mapping | null>(null)
  const [result, setResult] = useState<ImportResult | null>(null)
  const [refused, setRefused] = useState(false)
  const [choices, setChoices] = useState<ValueChoices>({})
  const [sheet, setSheet] = useState<string | undefined>(undefined)

  /** the hub's preview; a new sheet or file starts from the hub's guess again (no mapping, no choices) */
  const check = (chosen: Chosen, m: Mapping | undefined, values: ValueChoices, s: string | undefined) =>
    run(async () => {
      setResult(null)
      setRefused(false)
      const p = await api.previewImport(chosen.name, chosen.base64, m, values, s)
      setPreview(p)
      setMapping(p.mapping)
    })

  const chooseValues = (values: ValueChoices) => {
    setChoices(values)
    if (file && mapping) void check(file, mapping, values, sheet)
  }

  const chooseSheet = (s: string) => {
    setSheet(s)
    setChoices({})
    if (file) void check(file, undefined, {}, s)
  }

  const choose = async (input: HTMLInputElement) => {
    const f = input.files?.[0]
    if (!f) return
    const chosen = { name: f.name, base64: await fileToBase64(f) }
    setFile(chosen)
    setPreview(null)
    setChoices({})
    setSheet(undefined)
    await check(chosen, undefined, {}, undefined)
  }

  const apply = (mode: ImportMode) =>
    run(async () => {
      if (!file || !mapping) return
      try {
        const r = await api.applyImport(file.name, file.base64, mode, mapping, choices, sheet)
        setResult(r)
        // what is in the registry now decides the next preview (updates instead of adds)
        setPreview(await api.previewImport(file.name, file.base64, mapping, choices, sheet))
      } catch (err) {
        if (err instanceof AdminApiError && err.code === 'has_problems') setRefused(true)
        else throw err
      }
    })

  const bad = preview ? preview.rows - preview.valid - preview.leftOut : 0
  // all or nothing would be refused: say so before the click, not after
  const allBlocked = bad > 0
  return (
    <section className="admin-section" data-testid="import">
      <div className="admin-file">
        <p className="admin-field-label">{t('admin.import.choose')}</p>
        <FilePicker
          accept=".csv,.xlsx,.txt,.tsv,text/csv,text/plain,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          testId="import-file"
          label={t('admin.chooseFile')}
          onFile={(_file, input) => void choose(input)}
        />
      </div>
      <p className="admin-help">{t('admin.import.help')}</p>
      <p className="admin-help">
        <button
          type="button"
          disabled={busy}
          data-testid="import-template"
          onClick={() => void run(async () => saveFile(await api.download(importTemplatePath)))}
        >
          {t('admin.import.template')}
        </button>{' '}
        {t('admin.import.templateHelp')}
      </p>
      {busy && <p data-testid="import-busy">{t('admin.working')}</p>}
      <ErrorNote error={error} />
      {preview && file && mapping && (
        <>
          {preview.sheets.length > 1 && (
            <label className="admin-field">
              {t('admin.import.sheet')}
              <select value={preview.sheet ?? ''} disabled={busy} data-testid="import-sheet" onChange={(e) => chooseSheet(e.target.value)}>
                {preview.sheets.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </label>
          )}
          {preview.headerRow > 1 && <p className="admin-help">{t('admin.import.headerRow', { row: preview.headerRow })}</p>}
          <p className="admin-summary" data-testid="import-summary" data-rows={preview.rows} data-valid={preview.valid}>
            {t('admin.import.summary', { rows: preview.rows, valid: preview.valid, toAdd: preview.toAdd, toUpdate: preview.toUpdate, bad })}
          </p>
          {preview.leftOut > 0 && (
            <p className="admin-help" data-testid="import-left-out">
              {t('admin.import.leftOut', { count: preview.leftOut })}
            </p>
          )}
          <ImportMapping
            columns={preview.columns}
            mapping={mapping}
            onChange={setMapping}
            onCheck={() => void check(file, mapping, choices, sheet)}
            busy={busy}
          />
          <ImportValues preview={preview} choices={choices} onChange={chooseValues} busy={busy} />
          <ImportProblems problems={preview.problems} />
          <ImportUpdates updates={preview.updates} />
          <div className="admin-actions">
            <button
              type="button"
              disabled={busy || preview.valid === 0}
              onClick={() => void apply('valid-rows')}
              data-testid="import-valid-rows"
            >
              {t('admin.import.applyValid', { count: preview.valid })}
            </button>
            <button
              type="button"
              disabled={busy || allBlocked}
              aria-describedby="import-all-reason"
              onClick={() => void apply('all-or-nothing')}
              data-testid="import-all-or-nothing"
            >
              {t('admin.import.applyAll')}
            </button>
          </div>
          <p className="admin-help" id="import-all-reason" data-testid="import-all-reason">
            {allBlocked ? t('admin.import.allOrNothingDisabled', { bad }) : t('admin.import.allOrNothingHelp')}
          </p>
          {refused && (
            <p className="admin-error" role="alert" data-testid="import-refused">
              {t('admin.import.refused')}
            </p>
          )}
          {result && (
            <p className="admin-ok" role="status" data-testid="import-done">
              {t('admin.import.done', {
                added: result.added,
                updated: result.updated,
                unchanged: result.unchanged,
                skipped: result.skipped,
              })}
            </p>
          )}
          <ImportSample sample={preview.sample} groups={preview.groups} categories={preview.categories} />
        </>
      )}
    </section>
  )
}
