// What the organiser sets for certificates on the admin page: who signs (name, title, the
// organising institution), how many days make a certificate, the logo, and the address the QR
// sends people to. Kept in an append-only log beside the check-ins (embedded: data/
// certificate-settings.jsonl; PostgreSQL: shared by every hub); the last entry wins.
import { z } from 'zod'
import { PDFDocument } from '../pdfkit.js'
import { MAX_LOGO_BYTES, MAX_LOGO_PIXELS } from '../../shared/documents.js'
import { SettingsInput } from '../../shared/http/certificates.js'
import type { AppendLog } from '../store/backend.js'
import type { EventStore } from '../store/event-store.js'

export { MAX_LOGO_BYTES, MAX_LOGO_PIXELS } from '../../shared/documents.js'

export const Logo = z.object({
  type: z.enum(['image/png', 'image/jpeg']),
  base64: z.string().max(Math.ceil(MAX_LOGO_BYTES / 3) * 4 + 4),
  width: z.number().int().min(1).max(MAX_LOGO_PIXELS),
  height: z.number().int().min(1).max(MAX_LOGO_PIXELS),
})
export type Logo = z.infer<typeof Logo>

export { SettingsInput }

export const CertificateSettings = SettingsInput.extend({ logo: Logo.nullable(), updatedAt: z.string() })
export type CertificateSettings = z.infer<typeof CertificateSettings>

export const DEFAULT_SETTINGS: CertificateSettings = {
  signatoryName: '',
  signatoryTitle: '',
  organiser: '',
  minDays: 1,
  verifyBaseUrl: '',
  logo: null,
  updatedAt: '',
}

export class LogoError extends Error {}

/** A PNG or JPEG pdfkit can place, small in bytes and pixels; anything else is refused. */
export function readLogo(bytes: Buffer): Logo {
  if (bytes.length === 0 || bytes.length > MAX_LOGO_BYTES) throw new LogoError('logo_too_large')
  const png = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff
  if (!png && !jpeg) throw new LogoError('logo_not_image')
  let image: { width: number; height: number }
  try {
    // pdfkit parses it as it will when printing: a file it cannot place is refused now, not at print time
    const doc = new (PDFDocument())({ autoFirstPage: false }) as unknown as { openImage(src: Buffer): { width: number; height: number } }
    image = doc.openImage(bytes)
  } catch {
    throw new LogoError('logo_not_image')
  }
  if (!(image.width >= 1 && image.height >= 1 && image.width <= MAX_LOGO_PIXELS && image.height <= MAX_LOGO_PIXELS))
    throw new LogoError('logo_too_large')
  return { type: png ? 'image/png' : 'image/jpeg', base64: bytes.toString('base64'), width: image.width, height: image.height }
}

export class SettingsStore {
  private current: CertificateSettings = DEFAULT_SETTINGS

  private constructor(private log: AppendLog<CertificateSettings>) {}

  static async open(store: EventStore): Promise<SettingsStore> {
    const { log, records } = await store.backend.openLog('certificate-settings', (v) => CertificateSettings.parse(v))
    const s = new SettingsStore(log)
    if (records.length > 0) s.current = records[records.length - 1]!
    // another hub's change counts here too
    log.onRemote((entries) => {
      const last = entries[entries.length - 1]
      if (last) s.current = last
    })
    return s
  }

  get(): CertificateSettings {
    return this.current
  }

  async save(next: CertificateSettings): Promise<void> {
    await this.log.append([next])
    this.current = next
  }
}

const stores = new WeakMap<EventStore, Promise<SettingsStore>>()

export function certificateSettings(store: EventStore): Promise<SettingsStore> {
  let s = stores.get(store)
  if (!s) {
    s = SettingsStore.open(store)
    s.catch(() => stores.delete(store))
    stores.set(store, s)
  }
  return s
}
