// The admin page's only way to the hub: fetch with the admin credential as a bearer token.
// The credential is pasted once and kept in sessionStorage (gone when the tab closes: this
// key can change the whole event, it must not stay on a shared laptop).
import type { Attendee, Bilingual, EventInfo } from '../../../shared/domain'
import type { UsherCredential } from '../../../shared/http/credentials'
import type { ImportMode, ImportPreview, ImportProblem, ImportResult } from '../../../shared/http/import'
import type { WalkIn } from '../../../shared/http/walk-in'
import type { KioskStatus } from '../../../shared/protocol'
import {
  MAX_LOGO_BYTES,
  REGISTER_COLUMNS,
  type CertificateSettingsInput,
  type CertificateSettingsView,
  type RegisterColumn,
  type RegisterOrientation,
  type RegisterSort,
} from '../../../shared/documents'
import type { BadgeStockId } from '../../../shared/badges/badge-stock'
import type { PrinterHealth } from '../../../shared/badges/printer-health'

const KEY = 'karibu.admin.token'

export const adminToken = {
  load(): string | null {
    try {
      return sessionStorage.getItem(KEY)
    } catch {
      return null
    }
  },
  save(token: string) {
    try {
      sessionStorage.setItem(KEY, token)
    } catch {
      // storage refused: the credential lives as long as this page
    }
  },
  forget() {
    try {
      sessionStorage.removeItem(KEY)
    } catch {
      // nothing stored
    }
  },
}

// ---- what the hub answers (hub/admin/*-routes.ts) ----

// the import's answers are the hub's own contract (shared/http/import.ts), as types only:
// this page does not load zod
export { IMPORT_FIELDS, type ImportField } from '../../../shared/import-fields'
export type { ImportMode, ImportPreview, ImportProblem, ImportResult }
export type Mapping = ImportPreview['mapping']
export type RowUpdate = ImportPreview['updates'][number]
export type ValueMatch = ImportPreview['values'][number]
/** the value-mapping step: a file's value → group (category) id, or null to leave its rows out */
export type ValueField = 'groupId' | 'category'
export type ValueChoices = Partial<Record<ValueField, Record<string, string | null>>>

export type EditableEvent = Omit<EventInfo, 'badgePublicKey'>

export interface EventAnswer {
  event: EventInfo
  usage: { groups: Record<string, number>; days: Record<string, number> }
}

export type { WalkIn }

export type AdminKiosk = KioskStatus & { pairedAt: string | null; revokedAt: string | null }

export type { UsherCredential }

/** A refusal from the hub: its error code, and its own words when it gave some. */
export class AdminApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly hubMessage: Bilingual | null,
    readonly body: Record<string, unknown>,
  ) {
    super(`${status} ${code}`)
  }
}

export interface FileDownload {
  blob: Blob
  fileName: string
}

/** A desk's badge printer on the hub and its stock (hub/badges/desk-printers.ts). */
export interface DeskPrinterSetting {
  deskId: string
  printer: string | null
  stock: BadgeStockId
  at: string
  by: string
  /** the printer's health now, as the hub's CUPS reports it; null without a printer */
  health?: PrinterHealth | null
}

export class AdminApi {
  constructor(
    private token: string,
    private base = '',
  ) {}

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { Authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const data = (await res.json().catch(() => ({}))) as Record<string, unknown>
    if (!res.ok || data.ok === false)
      throw new AdminApiError(res.status, String(data.error ?? 'http_error'), (data.message as Bilingual | undefined) ?? null, data)
    return data as T
  }

  /** A file that needs the bearer header, so no plain link can fetch it. */
  async download(path: string): Promise<FileDownload> {
    const res = await fetch(`${this.base}${path}`, { headers: { Authorization: `Bearer ${this.token}` } })
    if (!res.ok) {
      const data = (await res.json().catch(() => ({}))) as Record<string, unknown>
      throw new AdminApiError(res.status, String(data.error ?? 'http_error'), (data.message as Bilingual | undefined) ?? null, data)
    }
    const name =
      /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? path.split('/').pop()?.split('?')[0] ?? 'download'
    return { blob: await res.blob(), fileName: name }
  }

  /** Any cheap admin-only call: tells whether the pasted credential is the admin's. */
  check = () => this.request<EventAnswer>('GET', '/api/admin/event')

  previewImport = (fileName: string, contentBase64: string, mapping?: Partial<Mapping>, values?: ValueChoices, sheet?: string) =>
    this.request<ImportPreview>('POST', '/api/admin/import/preview', { fileName, contentBase64, mapping, values, sheet })
  applyImport = (
    fileName: string,
    contentBase64: string,
    mode: ImportMode,
    mapping?: Partial<Mapping>,
    values?: ValueChoices,
    sheet?: string,
  ) => this.request<ImportResult>('POST', '/api/admin/import/apply', { fileName, contentBase64, mapping, mode, values, sheet })

  getEvent = () => this.request<EventAnswer>('GET', '/api/admin/event')
  saveEvent = (event: EditableEvent) => this.request<EventAnswer>('PUT', '/api/admin/event', event)

  registerWalkIn = (walkIn: WalkIn) => this.request<{ attendee: Attendee }>('POST', '/api/admin/walk-ins', walkIn)

  kiosks = () => this.request<{ kiosks: AdminKiosk[]; origins: string[] }>('GET', '/api/admin/kiosks')
  revokeKiosk = (id: string) => this.request<object>('POST', `/api/admin/kiosks/${encodeURIComponent(id)}/revoke`)
  pairingCode = () => this.request<{ code: string; expiresAt: string }>('POST', '/api/pairing-codes')
  deskPrinters = () => this.request<{ desks: DeskPrinterSetting[] }>('GET', '/api/desk-printers')
  setDeskPrinter = (deskId: string, setting: { printer: string | null; stock: BadgeStockId }) =>
    this.request<{ desk: DeskPrinterSetting }>('PUT', `/api/desk-printers/${encodeURIComponent(deskId)}`, setting)
  pairingFailures = () =>
    this.request<{ failures: { at: string; address: string }[]; limited: number }>('GET', '/api/admin/pairing-failures')
  /** a kiosk's unsent records from a USB stick (the kiosk's /api/outbox-export file) */
  importOutbox = (file: unknown) => this.request<{ added: number; duplicates: number }>('POST', '/api/checkins/import', file)

  credentials = () =>
    this.request<{ ushers: UsherCredential[]; origins: string[]; kioskExitPinSet: boolean }>('GET', '/api/admin/credentials')
  addUsher = (label: string) => this.request<{ usher: UsherCredential }>('POST', '/api/admin/credentials/ushers', { label })
  revokeUsher = (id: string) => this.request<{ usher: UsherCredential }>('POST', `/api/admin/credentials/${encodeURIComponent(id)}/revoke`)
  changeAdminCredential = () => this.request<{ id: string; token: string }>('POST', '/api/admin/credentials/admin')
  setKioskExitPin = (pin: string) => this.request<object>('PUT', '/api/admin/kiosk-exit-pin', { pin })

  institutions = () => this.request<{ institutions: string[] }>('GET', '/api/admin/exports/institutions')
  certificateSettings = () => this.request<{ settings: CertificateSettings; eligible: number }>('GET', '/api/admin/certificates/settings')
  saveCertificateSettings = (settings: CertificateSettingsInput) =>
    this.request<{ settings: CertificateSettings }>('PUT', '/api/admin/certificates/settings', settings)
  uploadLogo = (contentBase64: string) =>
    this.request<{ settings: CertificateSettings }>('PUT', '/api/admin/certificates/logo', { contentBase64 })
  removeLogo = () => this.request<{ settings: CertificateSettings }>('DELETE', '/api/admin/certificates/logo')
}

export type CertificateSettings = CertificateSettingsView
export type { CertificateSettingsInput, RegisterColumn }
/** A logo larger than this is refused by the hub; the page says so before uploading. */
export { MAX_LOGO_BYTES, REGISTER_COLUMNS }

export interface RegisterChoice {
  day: string
  group: string
  institution: string
  sort: RegisterSort
  columns: RegisterColumn[]
  orientation: RegisterOrientation
  blank: boolean
  lang: string
  officerName: string
  officerTitle: string
}

/** The event's list to fill in (hub/admin/import/template.ts). */
export const importTemplatePath = '/api/admin/import/template.xlsx'

/** Export and badge addresses; the badge ones are served by the badges module. */
export const exportPaths = {
  register: (format: 'csv' | 'pdf' | 'xlsx', r: RegisterChoice) => {
    const q: Record<string, string> = { day: r.day, sort: r.sort, orientation: r.orientation, lang: r.lang }
    if (r.group) q.group = r.group
    if (r.institution) q.institution = r.institution
    if (r.columns.length > 0) q.columns = r.columns.join(',')
    if (r.blank) q.blank = '1'
    if (r.officerName.trim()) q.officerName = r.officerName.trim()
    if (r.officerTitle.trim()) q.officerTitle = r.officerTitle.trim()
    return `/api/admin/exports/register.${format}?${new URLSearchParams(q)}`
  },
  checkins: (format: 'csv' | 'xlsx' = 'csv', lang = 'sw') => `/api/admin/exports/checkins.${format}?${new URLSearchParams({ lang })}`,
  summary: (format: 'pdf' | 'xlsx' = 'pdf', lang = 'sw') =>
    `/api/admin/exports/summary.${format}${format === 'xlsx' ? `?${new URLSearchParams({ lang })}` : ''}`,
  certificate: (attendeeId: string) => `/api/admin/certificates/${encodeURIComponent(attendeeId)}.pdf`,
  certificates: (group: string, minDays?: number) =>
    `/api/admin/certificates.pdf?${new URLSearchParams({ ...(group ? { group } : {}), ...(minDays ? { minDays: String(minDays) } : {}) })}`,
  badge: (attendeeId: string, format: 'cr80' | 'a6') => `/api/badges/${encodeURIComponent(attendeeId)}.pdf?format=${format}`,
  badges: (q: { group?: string; day?: string; notPrinted?: boolean; layout: 'single' | 'sheet' }) =>
    `/api/badges.pdf?${new URLSearchParams({ ...(q.group ? { group: q.group } : {}), ...(q.day ? { day: q.day } : {}), ...(q.notPrinted ? { notPrinted: '1' } : {}), layout: q.layout })}`,
}

/** File bytes as base64 for the JSON import request. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/** Saves a downloaded file through a temporary object URL. */
export function saveFile({ blob, fileName }: FileDownload) {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
