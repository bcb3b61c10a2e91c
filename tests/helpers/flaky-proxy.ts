// A TCP proxy on 127.0.0.1 that cuts every connection through it at a fixed interval:
// venue Wi-Fi at its worst, for the network-fault tests.
import { createConnection, createServer, type Socket } from 'node:net'

export async function startFlakyProxy(targetPort: number, cutEveryMs: number) {
  const open = new Set<Socket>()
  let cuts = 0
  const server = createServer((client) => {
    const upstream = createConnection(targetPort, '127.0.0.1')
    open.add(client)
    open.add(upstream)
    client.pipe(upstream).pipe(client)
    const drop = () => {
      client.destroy()
      upstream.destroy()
      open.delete(client)
      open.delete(upstream)
    }
    client.on('error', drop).on('close', drop)
    upstream.on('error', drop).on('close', drop)
  })
  const timer = setInterval(() => {
    if (open.size) cuts++
    for (const s of open) s.destroy()
    open.clear()
  }, cutEveryMs)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  return {
    port: (server.address() as { port: number }).port,
    cuts: () => cuts,
    async close() {
      clearInterval(timer)
      for (const s of open) s.destroy()
      await new Promise((r) => server.close(r))
    },
  }
}
