// Why a hub could not open its PostgreSQL database at start, said for the person at the
// console: which variable to look at and what to check, instead of pg's stack trace.
import { EXIT, StartError } from '../../node-shared/start-error.js'
import { redactedUrl } from '../server/config.js'

const VAR = 'KARIBU_DATABASE_URL'

export function databaseStartError(err: unknown, url: string): StartError | unknown {
  if (err instanceof StartError) return err
  const e = err as { code?: string; message?: string }
  const where = redactedUrl(url)
  let u: URL | null = null
  try {
    u = new URL(url)
  } catch {
    // reported as unreadable below
  }
  if (!u)
    return new StartError(
      `${VAR} si anwani ya PostgreSQL inayosomeka (mfano postgres://karibu:nenosiri@db.lan/karibu).`,
      `${VAR} is not a readable PostgreSQL address (e.g. postgres://karibu:password@db.lan/karibu).`,
      EXIT.settings,
    )
  const server = `${u.hostname}:${u.port || 5432}`
  const db = decodeURIComponent(u.pathname.slice(1)) || decodeURIComponent(u.username) || 'postgres'
  switch (e.code) {
    case '28P01': // invalid_password
    case '28000': // invalid_authorization_specification (no pg_hba.conf entry, unknown user)
      return new StartError(
        `PostgreSQL kwenye ${server} ilikataa mtumiaji au nenosiri lililo kwenye ${VAR} (${where}). Hakikisha jina la mtumiaji na nenosiri ni sahihi, na kwamba pg_hba.conf inaruhusu kitovu hiki. Herufi maalum kwenye nenosiri ziandikwe kwa %-encoding (mfano @ kama %40).`,
        `PostgreSQL at ${server} refused the user or password in ${VAR} (${where}). Check the user name and password, and that pg_hba.conf lets this hub in. Special characters in the password must be percent-encoded (e.g. @ as %40).`,
        EXIT.settings,
      )
    case '3D000': // invalid_catalog_name
      return new StartError(
        `Hifadhidata "${db}" haipo kwenye PostgreSQL ${server} (${VAR}). Iunde kwanza (createdb -O <mtumiaji> ${db}) au rekebisha jina lake mwishoni mwa ${VAR}.`,
        `The database "${db}" does not exist on PostgreSQL at ${server} (${VAR}). Create it first (createdb -O <user> ${db}) or correct its name at the end of ${VAR}.`,
        EXIT.settings,
      )
    case 'ECONNREFUSED':
      return new StartError(
        `Hakuna PostgreSQL inayosikiliza kwenye ${server} (${VAR}). Hakikisha PostgreSQL inaendeshwa, kwamba anwani na mlango kwenye ${VAR} ni sahihi, na kwamba listen_addresses inaruhusu kitovu hiki.`,
        `Nothing is listening for PostgreSQL at ${server} (${VAR}). Check that PostgreSQL is running, that the address and port in ${VAR} are right, and that its listen_addresses lets this hub in.`,
        EXIT.unavailable,
      )
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new StartError(
        `Jina la mashine ya hifadhidata "${u.hostname}" kwenye ${VAR} halijulikani. Hakikisha limeandikwa sahihi, au tumia anwani ya IP.`,
        `The database server name "${u.hostname}" in ${VAR} is unknown. Check its spelling, or use its IP address.`,
        EXIT.unavailable,
      )
  }
  if (/timeout/i.test(e.message ?? ''))
    return new StartError(
      `PostgreSQL kwenye ${server} (${VAR}) haikujibu kwa wakati. Hakikisha PostgreSQL inafikika kutoka hapa (mtandao, ngome/firewall).`,
      `PostgreSQL at ${server} (${VAR}) did not answer in time. Check that the server can be reached from here (network, firewall).`,
      EXIT.unavailable,
    )
  return new StartError(
    `Hifadhidata kwenye ${where} (${VAR}) haikuweza kufunguliwa: ${e.message ?? String(err)}`,
    `The database at ${where} (${VAR}) could not be opened: ${e.message ?? String(err)}`,
    EXIT.failed,
  )
}
