// The worker side of readTable: parses one uploaded file at a time off the hub's main thread,
// so a large or hostile spreadsheet holds up this thread, never the check-ins.
import { parentPort } from 'node:worker_threads'
import { ReadError, readTableHere } from './read-table.js'

parentPort!.on('message', async (job: { id: number; fileName: string; content: Uint8Array; sheet?: string }) => {
  try {
    const table = await readTableHere(job.fileName, job.content, job.sheet)
    parentPort!.postMessage({ id: job.id, table })
  } catch (err) {
    const e = err as Error
    parentPort!.postMessage({
      id: job.id,
      error: err instanceof ReadError ? { code: err.code, message: e.message } : { code: 'unreadable_file', message: e.message },
    })
  }
})
