// The last line of defence in a hub process: an error nobody caught is logged with what it was
// and where it came from, never lost. A promise that failed with nobody waiting (a report to
// another hub, a push) failed that one piece of work: the hub keeps serving. A connection of a
// client library dropping (PostgreSQL, Redis restarted) is the same: each reconnects by itself.
// Anything else thrown out of a callback leaves that part in an unknown state: the hub says so
// in both languages and exits (EXIT.software), for its supervisor to start it again; what it
// stored is in the database or journal already.
import { clockTime } from '../../shared/local-time.js'
import { EXIT } from '../../node-shared/start-error.js'

/** Errors of a network connection: the library that owned it notices and connects again. */
const CONNECTION_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED',
  '57P01',
  '57P02',
  '57P03',
])
const CONNECTION_MESSAGES = /Connection terminated|connection .*closed|Socket closed unexpectedly|ClientOfflineError|The client is closed/i

export interface GuardOptions {
  /** where the hub writes its errors (stderr) */
  log: (message: string) => void
  /** the event's time zone, for the time on each line */
  timeZone: () => string
  exit?: (code: number) => void
}

function describe(err: unknown): string {
  if (err instanceof Error) return err.stack ?? `${err.name}: ${err.message}`
  try {
    return JSON.stringify(err)
  } catch {
    return String(err)
  }
}

export function isConnectionError(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown; name?: unknown } | null
  if (!e || typeof e !== 'object') return false
  return (typeof e.code === 'string' && CONNECTION_CODES.has(e.code)) || CONNECTION_MESSAGES.test(`${String(e.name)}: ${String(e.message)}`)
}

/** Installs the handlers; returns their removal (tests). */
export function guardProcess(options: GuardOptions): () => void {
  const exit = options.exit ?? ((code: number) => process.exit(code))
  const at = () => {
    try {
      return clockTime(new Date(), options.timeZone(), { seconds: true })
    } catch {
      return new Date().toISOString()
    }
  }
  let logged = 0
  let windowStart = 0
  /** a burst of the same failure (a dependency away) is logged a few times a minute, not a thousand */
  const limited = (line: string) => {
    const now = Date.now()
    if (now - windowStart > 60_000) {
      windowStart = now
      logged = 0
    }
    if (++logged <= 5) options.log(line)
    else if (logged === 6)
      options.log(`[${at()}] (zaidi kama hizi hazitaandikwa kwa dakika hii / more like these are not logged this minute)`)
  }

  const onRejection = (reason: unknown) => {
    limited(
      `[${at()}] Hitilafu isiyotarajiwa, kitovu kinaendelea kuhudumia / Unexpected error, the hub keeps serving (unhandled rejection): ${describe(reason)}`,
    )
  }
  const onException = (err: unknown, origin: string) => {
    if (isConnectionError(err)) {
      limited(
        `[${at()}] Muunganisho umekatika, kitovu kinaendelea kuhudumia / A connection dropped, the hub keeps serving (${origin}): ${describe(err)}`,
      )
      return
    }
    options.log(
      [
        `[${at()}] Kitovu kimesimama kwa hitilafu isiyotarajiwa (${origin}). Rekodi za kuingia zilizohifadhiwa ziko salama; systemd (au msimamizi mwingine wa huduma) kitakiwasha tena. Ripoti maelezo haya:`,
        `The hub stopped on an unexpected error (${origin}). Stored check-ins are safe; systemd (or another supervisor) starts it again. Report these details:`,
        describe(err),
      ].join('\n'),
    )
    exit(EXIT.software)
  }
  process.on('unhandledRejection', onRejection)
  process.on('uncaughtException', onException)
  return () => {
    process.off('unhandledRejection', onRejection)
    process.off('uncaughtException', onException)
  }
}
