// kiosk.json: the kiosk's pairing, desk setting and its copy of the registry, through lowdb.
// Rewritten whole on a registry pull or a setting change, never on a check-in.
import { z } from 'zod'
import { Low } from 'lowdb'
import { Attendee, EventInfo } from '../shared/domain.js'
import { fileExists, PrivateJsonFile } from '../node-shared/files.js'
import { StartError } from '../node-shared/start-error.js'

export const KioskFile = z.object({
  format: z.literal(1),
  pairing: z
    .object({
      hubUrl: z.string(),
      /** every hub of the deployment (KARIBU_HUB_URLS), to move to the next when one is gone */
      hubUrls: z.array(z.string()).default([]),
      kioskId: z.string(),
      token: z.string(),
      name: z.string(),
      /** the event's badge key as it was at pairing: a hub offering another is not this event's */
      badgePublicKey: z.string().optional(),
    })
    .nullable(),
  /**
   * identities this kiosk had before it was paired again (after a revocation, or to a replaced
   * hub), kept while unsent records were made under them: their token proves to the hub that
   * those records are this device's (node-shared/identity-proof.ts)
   */
  previous: z.array(z.object({ kioskId: z.string(), token: z.string() })).default([]),
  desk: z.object({ deskId: z.string().nullable(), mode: z.enum(['in', 'out']) }),
  registry: z
    .object({ rev: z.number().int(), event: EventInfo, attendees: z.array(Attendee), exitPinHash: z.string().optional() })
    .nullable(),
  clockOffsetMs: z.number().int(),
  lastSyncAt: z.string().nullable(),
  /** why the kiosk is no longer paired, for the pairing screen to say (cleared at the next pairing) */
  unpaired: z
    .object({ reason: z.enum(['revoked', 'unknown']), at: z.string(), hubUrl: z.string() })
    .nullable()
    .default(null),
})
export type KioskFile = z.infer<typeof KioskFile>

export async function openKioskFile(path: string): Promise<Low<KioskFile>> {
  const db = new Low<KioskFile>(new PrivateJsonFile<KioskFile>(path), null as unknown as KioskFile)
  if (!(await fileExists(path))) {
    db.data = {
      format: 1,
      pairing: null,
      previous: [],
      desk: { deskId: null, mode: 'in' },
      registry: null,
      clockOffsetMs: 0,
      lastSyncAt: null,
      unpaired: null,
    }
    await db.write()
    return db
  }
  try {
    await db.read()
  } catch (err) {
    throw new StartError(
      `Faili la kioski ${path} si JSON halali; limeachwa kama lilivyo. Liweke kando kisha unganisha kioski upya.`,
      `Kiosk file ${path} is not valid JSON (${(err as Error).message}); it was left as it is. Move it aside and pair the kiosk again.`,
    )
  }
  const parsed = KioskFile.safeParse(db.data)
  if (!parsed.success)
    throw new StartError(
      `Faili ${path} si faili la kioski la Karibu; limeachwa kama lilivyo. Liweke kando kisha unganisha kioski upya.`,
      `Kiosk file ${path} is not a Karibu kiosk file; it was left as it is. Move it aside and pair the kiosk again.`,
    )
  db.data = parsed.data
  return db
}
