// A label printer that is not there: a TCP server on 127.0.0.1 standing in for a network label
// printer's raw port (CUPS's socket:// backend, as for a real Zebra, Brother or DYMO on the
// venue LAN). Each connection is one job; what it received is written to a file in `dir`.
import { createServer, type Server, type Socket } from 'node:net'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { until } from './until.js'

export interface LabelPrinter {
  /** the device URI for lpadmin -v */
  uri: string
  /** files written so far, one per job, in arrival order */
  files: string[]
  /** waits until at least `count` jobs have arrived in full; the last one's bytes */
  waitForJob(count: number, ms?: number): Promise<Buffer>
  /** stops answering: new connections are refused, as a printer switched off */
  stop(): Promise<void>
}

export async function startLabelPrinter(dir: string, name: string): Promise<LabelPrinter> {
  const files: string[] = []
  const received: Buffer[] = []
  const sockets = new Set<Socket>()
  const server: Server = createServer((socket) => {
    sockets.add(socket)
    const chunks: Buffer[] = []
    socket.on('data', (c: Buffer) => chunks.push(c))
    socket.on('error', () => {})
    socket.on('end', () => {
      const job = Buffer.concat(chunks)
      socket.end()
      if (job.length === 0) return // CUPS may open a connection only to see the printer is there
      const file = join(dir, `${name}-${files.length + 1}.bin`)
      void writeFile(file, job).then(() => {
        received.push(job)
        files.push(file)
      })
    })
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  return {
    uri: `socket://127.0.0.1:${port}`,
    files,
    waitForJob: (count, ms = 30_000) =>
      until(() => (received.length >= count ? received[count - 1]! : null), ms, `${count} job(s) at the ${name} label printer`),
    async stop() {
      for (const s of sockets) s.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
