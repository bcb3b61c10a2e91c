// What the admin page and the hub agree on for documents: the register's choices and the
// certificate settings. No zod here (the admin page's bundle stays without it): the hub's
// schema (hub/certificates/settings.ts) is checked against these types.

export const REGISTER_COLUMNS = ['phone', 'category', 'group', 'desk', 'time'] as const
export type RegisterColumn = (typeof REGISTER_COLUMNS)[number]

export const REGISTER_SORTS = ['surname', 'institution'] as const
export type RegisterSort = (typeof REGISTER_SORTS)[number]

export const REGISTER_ORIENTATIONS = ['auto', 'portrait', 'landscape'] as const
export type RegisterOrientation = (typeof REGISTER_ORIENTATIONS)[number]

/** A logo is printed 22 mm tall: 200 KB of PNG or JPEG is plenty, and keeps the settings log small. */
export const MAX_LOGO_BYTES = 200 * 1024
export const MAX_LOGO_PIXELS = 3000

export interface CertificateSettingsInput {
  /** at most 100 characters */
  signatoryName: string
  /** at most 150 */
  signatoryTitle: string
  /** the organising institution, at most 200 */
  organiser: string
  /** present on at least this many event days, 1..31 */
  minDays: number
  /** where the QR sends people, e.g. https://karibu.example.go.tz; '' for this hub's own address */
  verifyBaseUrl: string
}

/** The settings as the admin page sees them: the logo's size, not its bytes. */
export interface CertificateSettingsView extends CertificateSettingsInput {
  logo: { type: 'image/png' | 'image/jpeg'; width: number; height: number; bytes: number } | null
  updatedAt: string
}
