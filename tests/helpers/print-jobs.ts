// The hub's print log for one attendee, newest first, as the admin sees it.
import type { PrintJob } from '../../hub/badges/print-log.js'
import type { TestHub } from './test-hub.js'

export async function printJobsOf(hub: TestHub, attendeeId: string): Promise<PrintJob[]> {
  const res = await fetch(`${hub.url}/api/print-jobs?attendeeId=${attendeeId}`, { headers: { Authorization: `Bearer ${hub.adminToken}` } })
  return ((await res.json()) as { jobs: PrintJob[] }).jobs
}
