// Printing a badge at the desk, in one place: the screen asks once (`badge:print`) and is
// answered once. A desk with a printer at the hub has the hub print it on its CUPS queue. A desk
// without one prints on the PC's own printer, which only the screen can reach (Electron's silent
// print, or the browser's print dialog): the agent logs the print at the hub, asks the screen
// to print the page (`badge:print-local`), and reports how it went, so a failed print stops
// counting as printed. A reprint makes a new badge version first, on either path.
import type { DeskPrint, DeskPrintOutcome, LocalPrintResult } from '../../shared/kiosk-protocol.js'
import { logDeskPrint, reportDeskPrint, reprintFirst, type HubAccess, type PrintRefusal } from './badge-printing.js'
import { FOLLOW, printAtHub, type FollowTimes } from './hub-print.js'

export interface DeskPrintDeps {
  hub: HubAccess
  /** whether the hub has a printer for this desk, from the last heartbeat's answer (null: not heard) */
  printerAssigned(): boolean | null
  /** asks the screen that asked to print the page on this PC's printer */
  printLocally(path: string): Promise<LocalPrintResult>
  log(message: string): void
  follow?: FollowTimes
}

export type DeskPrintReply = { ok: true; outcome: DeskPrintOutcome } | PrintRefusal

export async function printAtDesk(deps: DeskPrintDeps, req: DeskPrint): Promise<DeskPrintReply> {
  if (req.reprint) {
    const refused = await reprintFirst(deps.hub, req.attendeeId)
    if (refused) return refused
  }
  if (deps.printerAssigned() === true) {
    const atHub = await printAtHub(deps.hub, req, deps.follow ?? FOLLOW)
    if (atHub.ok || atHub.error !== 'no_printer') return atHub
    deps.log(`badge print for ${req.attendeeId}: the hub has no printer for this desk now; printing on this PC's printer`)
  }
  return printHere(deps, req)
}

async function printHere(deps: DeskPrintDeps, req: DeskPrint): Promise<DeskPrintReply> {
  const logged = await logDeskPrint(deps.hub, req)
  if (!logged.ok) return logged
  const printed = await deps.printLocally(logged.path).catch((): LocalPrintResult => ({ ok: false, error: 'screen_no_answer' }))
  // a print dialog's outcome is the officer's to see: the print stays logged as sent
  if (printed.ok && printed.opened) return { ok: true, outcome: { via: 'local', status: 'opened', jobId: logged.jobId } }
  const reported = await reportDeskPrint(
    deps.hub,
    logged.jobId,
    printed.ok ? { ok: true } : { ok: false, error: printed.error ?? 'print_failed' },
  )
  if (!reported) deps.log(`badge print ${logged.jobId}: could not tell the hub how it went (${printed.ok ? 'printed' : printed.error})`)
  return printed.ok ? { ok: true, outcome: { via: 'local', status: 'printed', jobId: logged.jobId } } : { ok: false, error: 'print_failed' }
}
