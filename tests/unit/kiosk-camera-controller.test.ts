// The camera controller keeps one stream open whatever order React asks in.
import { describe, expect, it } from 'vitest'
import { CameraController, type Startable } from '../../renderer/src/pages/kiosk/logic/camera-controller.js'

/** A decoder that counts what is open across all instances, with slow start and stop like a real camera. */
function camera(log: string[], open: { now: number; max: number }, name: string, fail = false): Startable<string> {
  let started = false
  return {
    async start() {
      log.push(`start ${name}`)
      await new Promise((r) => setTimeout(r, 20))
      if (fail) throw new Error('NotFoundError')
      started = true
      open.now++
      open.max = Math.max(open.max, open.now)
    },
    async stop() {
      if (!started) return
      log.push(`stop ${name}`)
      await new Promise((r) => setTimeout(r, 10))
      started = false
      open.now--
    },
  }
}

const noop = () => {}

describe('CameraController', () => {
  it('StrictMode mount, unmount, mount: the camera starts once', async () => {
    const c = new CameraController<string>()
    const log: string[] = []
    const open = { now: 0, max: 0 }
    const a = camera(log, open, 'a')
    const b = camera(log, open, 'b')
    void c.want({ decoder: a, target: 'el', onCode: noop })
    void c.release(a)
    await c.want({ decoder: b, target: 'el', onCode: noop })
    expect(log).toEqual(['start b'])
    expect(open).toEqual({ now: 1, max: 1 })
    expect(c.active).toBe(b)
  })

  it('a release while the camera is starting closes it once started', async () => {
    const c = new CameraController<string>()
    const log: string[] = []
    const open = { now: 0, max: 0 }
    const a = camera(log, open, 'a')
    const starting = c.want({ decoder: a, target: 'el', onCode: noop })
    await new Promise((r) => setTimeout(r, 5))
    const released = c.release(a)
    await starting
    await released
    expect(log).toEqual(['start a', 'stop a'])
    expect(open.now).toBe(0)
    expect(c.active).toBe(null)
  })

  it('switching cameras stops the old before the new starts', async () => {
    const c = new CameraController<string>()
    const log: string[] = []
    const open = { now: 0, max: 0 }
    const a = camera(log, open, 'a')
    const b = camera(log, open, 'b')
    await c.want({ decoder: a, target: 'el', onCode: noop })
    void c.release(a)
    await c.want({ decoder: b, target: 'el', onCode: noop })
    expect(log).toEqual(['start a', 'stop a', 'start b'])
    expect(open).toEqual({ now: 1, max: 1 })
  })

  it('a stale release does not stop a newer camera', async () => {
    const c = new CameraController<string>()
    const open = { now: 0, max: 0 }
    const a = camera([], open, 'a')
    const b = camera([], open, 'b')
    await c.want({ decoder: a, target: 'el', onCode: noop })
    await c.want({ decoder: b, target: 'el', onCode: noop })
    await c.release(a)
    expect(c.active).toBe(b)
    expect(open.now).toBe(1)
  })

  it('reports a camera that fails to start, and can start another after', async () => {
    const c = new CameraController<string>()
    const open = { now: 0, max: 0 }
    const failures: unknown[] = []
    let started = 0
    const bad = camera([], open, 'bad', true)
    await c.want({ decoder: bad, target: 'el', onCode: noop, onFailed: (e) => failures.push(e), onStarted: () => started++ })
    expect(failures).toHaveLength(1)
    expect(started).toBe(0)
    expect(c.active).toBe(null)
    const good = camera([], open, 'good')
    await c.want({ decoder: good, target: 'el', onCode: noop, onStarted: () => started++ })
    expect(started).toBe(1)
    expect(open.now).toBe(1)
  })
})
