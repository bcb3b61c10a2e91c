// Certificates of attendance. Admin: the settings (who signs, how many days, the logo, the QR's
// address), one attendee's certificate, or a bulk PDF for a group. Public: the check page
// their QR opens, which needs no credential and tells genuine from forged.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import { eventTagOfKey } from '../../node-shared/badge-crypto.js'
import { invalidPayload, readBody, readJsonBody, SECURITY_HEADERS, sendError, sendFile, sendJson } from '../../node-shared/http-util.js'
import type { CertificateSettingsView } from '../../shared/documents.js'
import { CertificateBulkQuery as BulkQuery, LOGO_MAX_BODY, LogoBody } from '../../shared/http/certificates.js'
import type { EventStore } from '../store/event-store.js'
import { ADMIN, type Route } from '../server/routes.js'
import { signCertificate, verifyCertificate, verifyNumber, type Verdict } from './certificate-code.js'
import { certificatesPdf, type CertificatePage } from './certificate-pdf.js'
import { checkPage } from './check-page.js'
import { attendanceOf, eligible, type Attendance } from './eligibility.js'
import { certificateSettings, LogoError, readLogo, SettingsInput, type CertificateSettings } from './settings.js'
import { hubOrigins } from '../server/hub-origins.js'

const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.:-]+$/)
const query = (url: URL) => Object.fromEntries([...url.searchParams].filter(([, v]) => v !== ''))

const isLoopback = (origin: string) => /^http:\/\/(127\.|localhost|\[::1\])/.test(origin)

/** Where the QR points: the organiser's address if set, else this hub as the LAN reaches it. */
function checkBase(settings: CertificateSettings, req: IncomingMessage): string {
  if (settings.verifyBaseUrl) return settings.verifyBaseUrl.replace(/\/+$/, '')
  const origins = hubOrigins(req)
  return origins.find((o) => !isLoopback(o)) ?? origins[0] ?? ''
}

function page(store: EventStore, att: Attendance, base: string): CertificatePage {
  const { code, number } = signCertificate(store.signEventBytes, eventTagOfKey(store.data.event.badgePublicKey), {
    attendeeSeq: att.attendee.seq,
    daysMask: att.mask,
  })
  return { attendance: att, number, verifyUrl: `${base}/certificate/${code}` }
}

function publicSettings(s: CertificateSettings): CertificateSettingsView {
  const { logo, ...rest } = s
  return {
    ...rest,
    logo: logo ? { type: logo.type, width: logo.width, height: logo.height, bytes: Math.floor((logo.base64.length * 3) / 4) } : null,
  }
}

const notEligible = (res: ServerResponse, minDays: number) =>
  sendError(res, 409, 'not_eligible', {
    sw: `Hajashiriki siku ${minDays} au zaidi; hakuna cheti.`,
    en: `Not present on ${minDays} day(s) or more: no certificate.`,
  })

export const certificateAdminRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/admin/certificates/settings',
    roles: ADMIN,
    async handle(ctx, { res }) {
      const s = (await certificateSettings(ctx.store)).get()
      sendJson(res, 200, { ok: true, settings: publicSettings(s), eligible: eligible(ctx.store, s.minDays, null).length })
    },
  },
  {
    method: 'PUT',
    path: '/api/admin/certificates/settings',
    roles: ADMIN,
    async handle(ctx, { req, res }) {
      const body = await readBody(req, SettingsInput)
      if (!body)
        return sendError(res, 400, 'invalid_payload', { sw: 'Taarifa za cheti si sahihi.', en: 'The certificate details are not valid.' })
      const settings = await certificateSettings(ctx.store)
      await settings.save({ ...settings.get(), ...body, updatedAt: ctx.now().toISOString() })
      sendJson(res, 200, { ok: true, settings: publicSettings(settings.get()) })
    },
  },
  {
    method: 'PUT',
    path: '/api/admin/certificates/logo',
    roles: ADMIN,
    async handle(ctx, { req, res }) {
      const body = LogoBody.safeParse(await readJsonBody(req, LOGO_MAX_BODY))
      // too long a picture is the organiser's to fix; anything else is not a logo upload at all
      if (!body.success && !body.error.issues.every((i) => i.code === 'too_big')) return invalidPayload(res)
      if (!body.success)
        return sendError(res, 413, 'logo_too_large', {
          sw: 'Nembo ni kubwa mno (hadi KB 200).',
          en: 'The logo is too large (200 KB at most).',
        })
      let logo
      try {
        logo = readLogo(Buffer.from(body.data.contentBase64, 'base64'))
      } catch (err) {
        if (!(err instanceof LogoError)) throw err
        return err.message === 'logo_too_large'
          ? sendError(res, 413, 'logo_too_large', {
              sw: 'Nembo ni kubwa mno (hadi KB 200, pikseli 3000).',
              en: 'The logo is too large (200 KB, 3000 pixels at most).',
            })
          : sendError(res, 415, 'logo_not_image', { sw: 'Nembo iwe picha ya PNG au JPEG.', en: 'The logo must be a PNG or JPEG picture.' })
      }
      const settings = await certificateSettings(ctx.store)
      await settings.save({ ...settings.get(), logo, updatedAt: ctx.now().toISOString() })
      sendJson(res, 200, { ok: true, settings: publicSettings(settings.get()) })
    },
  },
  {
    method: 'DELETE',
    path: '/api/admin/certificates/logo',
    roles: ADMIN,
    async handle(ctx, { res }) {
      const settings = await certificateSettings(ctx.store)
      await settings.save({ ...settings.get(), logo: null, updatedAt: ctx.now().toISOString() })
      sendJson(res, 200, { ok: true, settings: publicSettings(settings.get()) })
    },
  },
  {
    method: 'GET',
    path: /^\/api\/admin\/certificates\/(?<attendeeId>[^/]+)\.pdf$/,
    roles: ADMIN,
    async handle(ctx, { req, res, params }) {
      const id = Id.safeParse(params.attendeeId)
      const attendee = id.success ? ctx.store.registry.byId.get(id.data) : undefined
      if (!attendee) return sendError(res, 404, 'unknown_attendee', { sw: 'Mshiriki huyu hayupo.', en: 'No such attendee.' })
      const s = (await certificateSettings(ctx.store)).get()
      const att = attendanceOf(ctx.store, attendee)
      if (att.days.length < s.minDays) return notEligible(res, s.minDays)
      const pdf = await certificatesPdf(ctx.store.data.event, s, [page(ctx.store, att, checkBase(s, req))], ctx.now())
      sendFile(res, 'application/pdf', `certificate-${attendee.id}.pdf`, pdf)
    },
  },
  {
    method: 'GET',
    path: '/api/admin/certificates.pdf',
    roles: ADMIN,
    async handle(ctx, { req, res, url }) {
      const q = BulkQuery.safeParse(query(url))
      if (!q.success) return sendError(res, 400, 'invalid_query')
      if (q.data.group && !ctx.store.data.event.groups.some((g) => g.id === q.data.group)) {
        return sendError(res, 400, 'unknown_group', { sw: 'Kundi hili halipo kwenye tukio.', en: 'This group is not in the event.' })
      }
      const s = (await certificateSettings(ctx.store)).get()
      const minDays = q.data.minDays ?? s.minDays
      const list = eligible(ctx.store, minDays, q.data.group ?? null)
      if (list.length === 0)
        return sendError(res, 409, 'none_eligible', {
          sw: `Hakuna aliyeshiriki siku ${minDays} au zaidi.`,
          en: `Nobody was present on ${minDays} day(s) or more.`,
        })
      const base = checkBase(s, req)
      const pdf = await certificatesPdf(
        ctx.store.data.event,
        s,
        list.map((att) => page(ctx.store, att, base)),
        ctx.now(),
      )
      sendFile(res, 'application/pdf', `certificates${q.data.group ? `-${q.data.group}` : ''}.pdf`, pdf)
    },
  },
]

function sendPage(res: ServerResponse, html: string) {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(html),
  })
  res.end(html)
}

export const certificatePublicRoutes: Route[] = [
  {
    // the form to type a certificate's number, and its answer (?number=)
    method: 'GET',
    path: '/certificate',
    roles: 'public',
    handle(ctx, { res, url }) {
      const event = ctx.store.data.event
      const typed = (url.searchParams.get('number') ?? '').slice(0, 60)
      if (!typed) return sendPage(res, checkPage(event, null, undefined))
      const found = verifyNumber(ctx.store.signEventBytes, eventTagOfKey(event.badgePublicKey), typed, (seq) => {
        const a = ctx.store.registry.bySeq.get(seq)
        return a ? attendanceOf(ctx.store, a).mask : null
      })
      const verdict: Verdict = found ? { genuine: true, ...found } : { genuine: false }
      sendPage(res, checkPage(event, verdict, found ? ctx.store.registry.bySeq.get(found.claim.attendeeSeq) : undefined, typed))
    },
  },
  {
    method: 'GET',
    path: /^\/certificate\/(?<code>[^/]{1,400})$/,
    roles: 'public',
    handle(ctx, { res, params }) {
      const event = ctx.store.data.event
      let code = params.code ?? ''
      try {
        code = decodeURIComponent(code)
      } catch {
        // a broken escape is just another forged code
      }
      const verdict = verifyCertificate(event.badgePublicKey, code)
      const attendee = verdict.genuine ? ctx.store.registry.bySeq.get(verdict.claim.attendeeSeq) : undefined
      sendPage(res, checkPage(event, verdict, attendee))
    },
  },
]
