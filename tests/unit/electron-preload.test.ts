import { describe, expect, it, vi } from 'vitest'
import { IPC_CHANNELS, type KaribuBridge } from '../../shared/ipc.js'
import { createBridge, type Invoke } from '../../electron/preload/bridge.js'

function setup() {
  const invoke = vi.fn<Invoke>(async () => ({ ok: true }))
  return { invoke, bridge: createBridge(invoke) }
}

describe('preload bridge', () => {
  it('exposes exactly the functions of KaribuBridge', () => {
    const { bridge } = setup()
    const expected: (keyof KaribuBridge)[] = ['agentLaunch', 'appInfo', 'exitKiosk', 'listPrinters', 'printBadge']
    expect(Object.keys(bridge).sort()).toEqual(expected)
    expect(Object.keys(bridge).sort()).toEqual(Object.keys(IPC_CHANNELS).sort())
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function')
  })

  it('calls each channel with only the validated arguments', async () => {
    const { bridge, invoke } = setup()
    await bridge.printBadge({ path: '/badge/a1', deviceName: 'P1', extra: 'dropped' } as never)
    await bridge.printBadge({ path: '/badge/a2' })
    await bridge.exitKiosk('1234')
    await bridge.appInfo()
    await (bridge.agentLaunch as (...args: unknown[]) => Promise<unknown>)('extra')
    await (bridge.listPrinters as (...args: unknown[]) => Promise<unknown>)('extra')
    expect(invoke.mock.calls).toEqual([
      [IPC_CHANNELS.printBadge, { path: '/badge/a1', deviceName: 'P1' }],
      [IPC_CHANNELS.printBadge, { path: '/badge/a2' }],
      [IPC_CHANNELS.exitKiosk, '1234'],
      [IPC_CHANNELS.appInfo],
      [IPC_CHANNELS.agentLaunch],
      [IPC_CHANNELS.listPrinters],
    ])
  })

  it('does not forward values of the wrong shape', async () => {
    const { bridge, invoke } = setup()
    expect(await bridge.exitKiosk(1234 as never)).toEqual({ ok: false, error: 'invalid' })
    expect(await bridge.printBadge(null as never)).toEqual({ ok: false, error: 'invalid' })
    expect(await bridge.printBadge({ path: 5 } as never)).toEqual({ ok: false, error: 'invalid' })
    expect(await bridge.printBadge({ path: '/badge/a1', deviceName: {} } as never)).toEqual({ ok: false, error: 'invalid' })
    expect(invoke).not.toHaveBeenCalled()
  })
})
