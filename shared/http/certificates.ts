// Certificates of attendance (hub/certificates/routes.ts): the organiser's settings and logo,
// one attendee's or a group's PDF, and the public check page their QR opens.
import { z } from 'zod'
import { MAX_LOGO_BYTES, type CertificateSettingsInput } from '../documents.js'
import { okWith, type HttpContract } from './contract.js'

const Text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(/^[^\p{C}]*$/u)
const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.:-]+$/)

export const SettingsInput = z
  .object({
    signatoryName: Text(100),
    signatoryTitle: Text(150),
    organiser: Text(200),
    minDays: z.number().int().min(1).max(31),
    verifyBaseUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(200)]),
  })
  .strict() satisfies z.ZodType<CertificateSettingsInput>

export const LogoBody = z.object({ contentBase64: z.string().max(Math.ceil(MAX_LOGO_BYTES / 3) * 4 + 4) }).strict()
export const LOGO_MAX_BODY = 400 * 1024
export const CertificateBulkQuery = z.object({ group: Id.optional(), minDays: z.coerce.number().int().min(1).max(31).optional() })

export const SettingsView = z.looseObject({
  signatoryName: z.string(),
  signatoryTitle: z.string(),
  organiser: z.string(),
  minDays: z.number(),
  verifyBaseUrl: z.string(),
  logo: z.object({ type: z.enum(['image/png', 'image/jpeg']), width: z.number(), height: z.number(), bytes: z.number() }).nullable(),
  updatedAt: z.string(),
})
const SettingsAnswer = okWith({ settings: SettingsView })

export const certificateContracts: HttpContract[] = [
  { method: 'GET', path: '/api/admin/certificates/settings', response: okWith({ settings: SettingsView, eligible: z.number() }) },
  { method: 'PUT', path: '/api/admin/certificates/settings', request: SettingsInput, response: SettingsAnswer },
  { method: 'PUT', path: '/api/admin/certificates/logo', request: LogoBody, response: SettingsAnswer },
  { method: 'DELETE', path: '/api/admin/certificates/logo', response: SettingsAnswer },
  { method: 'GET', path: '/api/admin/certificates/:attendeeId.pdf' },
  { method: 'GET', path: '/api/admin/certificates.pdf', query: CertificateBulkQuery },
  { method: 'GET', path: '/certificate' },
  { method: 'GET', path: '/certificate/:code' },
]
