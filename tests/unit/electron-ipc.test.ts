import { describe, expect, it, vi } from 'vitest'
import { IPC_CHANNELS } from '../../shared/ipc.js'
import { handlersFor, registerIpc, type IpcDeps, type IpcHandler } from '../../electron/main/ipc.js'
import type { ExitResult } from '../../electron/main/kiosk-exit.js'

const APP = 'http://127.0.0.1:5180'
const fromApp = { senderFrame: { url: `${APP}/kiosk` } }

function fakeDeps(exit: ExitResult = { ok: true }) {
  return {
    appOrigin: APP,
    loadAndPrint: vi.fn<IpcDeps['loadAndPrint']>(async () => ({ ok: true })),
    tryExit: vi.fn<IpcDeps['tryExit']>(() => exit),
    leaveKiosk: vi.fn<IpcDeps['leaveKiosk']>(),
    appInfo: vi.fn<IpcDeps['appInfo']>(() => ({ version: '0.1.0', platform: 'linux', packaged: false })),
    issueLaunch: vi.fn<IpcDeps['issueLaunch']>(() => 'launch-token'),
    printers: vi.fn<IpcDeps['printers']>(() => ({ getPrintersAsync: async () => [{ name: 'Zebra_GK420d', isDefault: true }] })),
  } satisfies IpcDeps
}

describe('registerIpc', () => {
  it('registers exactly the channels of the preload API', () => {
    const handle = vi.fn<(channel: string, listener: IpcHandler) => void>()
    registerIpc({ handle }, fakeDeps())
    expect(handle.mock.calls.map(([channel]) => channel).sort()).toEqual(Object.values(IPC_CHANNELS).sort())
  })
})

describe('handlersFor', () => {
  it('serves the app page', async () => {
    const deps = fakeDeps()
    const handlers = handlersFor(deps)
    expect(await handlers.appInfo(fromApp)).toEqual({ version: '0.1.0', platform: 'linux', packaged: false })
    expect(await handlers.listPrinters(fromApp)).toEqual([{ name: 'Zebra_GK420d', isDefault: true }])
    expect(await handlers.printBadge(fromApp, { path: '/badge/a1' })).toEqual({ ok: true })
    expect(deps.loadAndPrint).toHaveBeenCalledOnce()
    expect(await handlers.exitKiosk(fromApp, '1234')).toEqual({ ok: true })
    expect(deps.tryExit).toHaveBeenCalledWith('1234')
    expect(deps.leaveKiosk).toHaveBeenCalledOnce()
    expect(await handlers.agentLaunch(fromApp)).toEqual({ ok: true, token: 'launch-token' })
  })

  it.each([
    { senderFrame: { url: 'https://evil.com/' } },
    { senderFrame: { url: 'http://127.0.0.1:5180.evil.com/kiosk' } },
    { senderFrame: { url: 'http://127.0.0.1:5181/kiosk' } },
    { senderFrame: { url: 'file:///etc/passwd' } },
    { senderFrame: null },
    {},
  ])('refuses a sender from elsewhere: %j', async (event) => {
    const deps = fakeDeps()
    const handlers = handlersFor(deps)
    expect(await handlers.appInfo(event)).toEqual({ ok: false, error: 'forbidden' })
    expect(await handlers.printBadge(event, { path: '/badge/a1' })).toEqual({ ok: false, error: 'forbidden' })
    expect(await handlers.exitKiosk(event, '1234')).toEqual({ ok: false, error: 'forbidden' })
    // the agent's launch token goes to the app's own page only
    expect(await handlers.agentLaunch(event)).toEqual({ ok: false, error: 'forbidden' })
    expect(await handlers.listPrinters(event)).toEqual({ ok: false, error: 'forbidden' })
    expect(deps.issueLaunch).not.toHaveBeenCalled()
    expect(deps.printers).not.toHaveBeenCalled()
    expect(deps.appInfo).not.toHaveBeenCalled()
    expect(deps.loadAndPrint).not.toHaveBeenCalled()
    expect(deps.tryExit).not.toHaveBeenCalled()
    expect(deps.leaveKiosk).not.toHaveBeenCalled()
  })

  it('stays in kiosk mode when the PIN is refused', async () => {
    const deps = fakeDeps({ ok: false, error: 'wrong_pin' })
    expect(await handlersFor(deps).exitKiosk(fromApp, '9999')).toEqual({ ok: false, error: 'wrong_pin' })
    expect(deps.leaveKiosk).not.toHaveBeenCalled()
  })

  it('validates the arguments', async () => {
    const deps = fakeDeps()
    const handlers = handlersFor(deps)
    expect(await handlers.printBadge(fromApp, { path: '/badge/../admin' })).toEqual({ ok: false, error: 'invalid' })
    expect(await handlers.printBadge(fromApp)).toEqual({ ok: false, error: 'invalid' })
    expect(await handlers.printBadge(fromApp, { path: '/badge/a1' }, 'extra')).toEqual({ ok: false, error: 'invalid' })
    expect(await handlers.exitKiosk(fromApp)).toEqual({ ok: false, error: 'invalid' })
    expect(await handlers.appInfo(fromApp, 'extra')).toEqual({ ok: false, error: 'invalid' })
    expect(deps.loadAndPrint).not.toHaveBeenCalled()
    expect(deps.tryExit).not.toHaveBeenCalled()
  })

  it('keeps exception details inside main', async () => {
    const deps = fakeDeps()
    deps.loadAndPrint.mockRejectedValue(new Error('/home/kiosk/secret path'))
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(await handlersFor(deps).printBadge(fromApp, { path: '/badge/a1' })).toEqual({ ok: false, error: 'internal' })
    expect(quiet).toHaveBeenCalled()
    quiet.mockRestore()
  })
})
