// The hub's configuration, from the environment. Every variable is listed in README.
import { resolve } from 'node:path'
import { EXIT, StartError } from '../../node-shared/start-error.js'

export interface HubConfig {
  port: number
  host: string
  /** the embedded store's folder (used when no database is configured) */
  dataDir: string
  /** PostgreSQL shared by several hubs, instead of the data folder */
  databaseUrl: string | null
  /** Redis joining several hubs' Socket.IO servers */
  redisUrl: string | null
  /** how long a starting hub waits for Redis before it stops with a message */
  redisWaitMs: number
  /** every hub's address as kiosks reach it, handed to kiosks at pairing so they can fail over */
  hubUrls: string[]
}

function urlList(value: string | undefined, name: string): string[] {
  const list = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  for (const u of list) {
    let ok = false
    try {
      ok = ['http:', 'https:'].includes(new URL(u).protocol)
    } catch {
      // reported below
    }
    if (!ok)
      throw new StartError(
        `${name} iwe orodha ya anwani za http(s) zilizotenganishwa kwa koma, si "${u}".`,
        `${name} must be a comma-separated list of http(s) addresses, not "${u}".`,
        EXIT.settings,
      )
  }
  return list
}

export function hubConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const port = Number(env.PORT ?? 4280)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new StartError(`PORT iwe namba ya mlango, si "${env.PORT}".`, `PORT must be a port number, not "${env.PORT}".`, EXIT.settings)
  const databaseUrl = env.KARIBU_DATABASE_URL?.trim() || null
  const redisUrl = env.KARIBU_REDIS_URL?.trim() || null
  const redisWait = Number(env.KARIBU_REDIS_WAIT_S ?? 20)
  if (!Number.isFinite(redisWait) || redisWait <= 0)
    throw new StartError(
      `KARIBU_REDIS_WAIT_S iwe idadi ya sekunde, si "${env.KARIBU_REDIS_WAIT_S}".`,
      `KARIBU_REDIS_WAIT_S must be a number of seconds, not "${env.KARIBU_REDIS_WAIT_S}".`,
      EXIT.settings,
    )
  if (redisUrl && !databaseUrl)
    throw new StartError(
      'KARIBU_REDIS_URL huunganisha vitovu vinavyoshiriki hifadhidata moja: weka pia KARIBU_DATABASE_URL.',
      'KARIBU_REDIS_URL joins hubs that share one database: set KARIBU_DATABASE_URL too.',
      EXIT.settings,
    )
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.KARIBU_DATA ?? 'data'),
    databaseUrl,
    redisUrl,
    redisWaitMs: redisWait * 1000,
    hubUrls: urlList(env.KARIBU_HUB_URLS, 'KARIBU_HUB_URLS'),
  }
}

/** An address without its password, for the console and logs. */
export function redactedUrl(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return '(unreadable address)'
  }
}
