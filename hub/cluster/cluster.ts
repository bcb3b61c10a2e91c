// Several hubs, one venue (or several): Socket.IO's Redis Streams adapter joins their Socket.IO
// servers (KARIBU_REDIS_URL). What crosses it: room operations (a revoked kiosk is cut off
// wherever it is connected) and what each hub sees of its kiosks, so every dashboard lists every
// kiosk. Check-ins and the registry do not travel here: each hub reads them from the shared
// database (store/postgres-backend.ts), so its figures come from its own ledger like a lone hub's.
//
// Redis is a convenience, never a dependency: while it is away the hub goes on taking check-ins
// (PostgreSQL), revocations still arrive through the database (revocations.ts), and only what
// each hub hears of the others' kiosks stops (the dashboard is told: `connected`).
import { createAdapter } from '@socket.io/redis-streams-adapter'
import { createClient } from 'redis'
import { EXIT, StartError } from '../../node-shared/start-error.js'
import { redactedUrl } from '../server/config.js'
import type { PresenceReport } from '../kiosks/kiosk-presence.js'

export interface InterHubEvents {
  'kiosk:presence': (report: PresenceReport) => void
}

export interface Cluster {
  adapter: ReturnType<typeof createAdapter>
  /** the shared client, for budgets every hub spends from (hub/kiosks/pairing-guard.ts) */
  redis: unknown
  /** whether Redis answers now, i.e. this hub hears the others */
  readonly connected: boolean
  /** told each time Redis goes away or comes back */
  onChange(listener: (connected: boolean) => void): void
  close(): Promise<void>
}

type RedisClient = ReturnType<typeof createClient>

/**
 * The publishing client refuses commands at once while Redis is away (`disableOfflineQueue`):
 * queued, they would hold a broadcast up to the command timeout and then reject where nobody
 * catches it. The adapter's readers (its duplicates) keep the queue: a blocking XREAD that
 * failed at once would be retried at once, in a loop that starves the hub.
 */
function forAdapter(client: RedisClient, log: (m: string) => void): RedisClient {
  let lastWarned = 0
  const dropped = (err: unknown) => {
    // a presence report or broadcast that did not reach the other hubs: they hear the next one
    const now = Date.now()
    if (now - lastWarned > 10_000) log(`Redis: ${(err as Error).message}; haikupelekwa kwa vitovu vingine / not passed to the other hubs`)
    lastWarned = now
  }
  return new Proxy(client, {
    get(target, prop) {
      if (prop === 'duplicate') return () => target.duplicate({ disableOfflineQueue: false })
      // the adapter does not wait for PUBLISH (presence, server-side emits): its rejection is caught here
      if (prop === 'publish' || prop === 'sPublish')
        return (...args: unknown[]) =>
          (target[prop] as (...a: unknown[]) => Promise<unknown>)(...args).catch((err: unknown) => (dropped(err), 0))
      const value = Reflect.get(target, prop, target) as unknown
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value
    },
  })
}

export interface JoinOptions {
  /** how long to wait for Redis at start before giving up with a message */
  startWaitMs: number
}

export async function joinCluster(
  redisUrl: string,
  log: (m: string) => void,
  options: JoinOptions = { startWaitMs: 20_000 },
): Promise<Cluster> {
  const client: RedisClient = createClient({
    url: redisUrl,
    disableOfflineQueue: true,
    socket: { connectTimeout: 3000, reconnectStrategy: (retries) => Math.min(2000, 100 * 2 ** retries) },
  })
  const listeners: ((connected: boolean) => void)[] = []
  let connected = false
  let started = false
  const set = (now: boolean) => {
    if (now === connected) return
    connected = now
    if (!started) return // the banner says it is joined; a failed start says why
    log(
      now
        ? 'Redis imerudi: vitovu vingine vinasikika tena / Redis is back: the other hubs are heard again'
        : 'Redis haipatikani: kitovu hiki kinaendelea peke yake (rekodi za kuingia na ufutaji kupitia PostgreSQL) / Redis is away: this hub carries on alone (check-ins and revocations go through PostgreSQL)',
    )
    for (const l of listeners) l(now)
  }
  let lastError = ''
  client.on('error', (err: Error) => {
    lastError = err.message || err.constructor.name
    set(false)
  })
  client.on('end', () => set(false))
  client.on('reconnecting', () => set(false))
  client.on('ready', () => set(true))

  let timer: NodeJS.Timeout | undefined
  const gaveUp = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), options.startWaitMs)
  })
  try {
    await Promise.race([client.connect(), gaveUp])
  } catch {
    client.destroy()
    const where = redactedUrl(redisUrl)
    const s = Math.round(options.startWaitMs / 1000)
    throw new StartError(
      `Redis kwenye ${where} (KARIBU_REDIS_URL) haikujibu kwa sekunde ${s}${lastError ? ` (${lastError})` : ''}. Hakikisha redis-server inaendeshwa, anwani na mlango ni sahihi, na ngome (firewall) inaruhusu kitovu hiki.`,
      `Redis at ${where} (KARIBU_REDIS_URL) did not answer within ${s} s${lastError ? ` (${lastError})` : ''}. Check that redis-server is running, that the address and port are right, and that a firewall lets this hub through.`,
      EXIT.unavailable,
    )
  } finally {
    clearTimeout(timer)
  }
  set(true)
  started = true
  return {
    adapter: createAdapter(forAdapter(client, log), { streamName: 'karibu' }),
    redis: client,
    get connected() {
      return connected
    },
    onChange: (l) => void listeners.push(l),
    async close() {
      await client.close().catch(() => client.destroy())
    },
  }
}
