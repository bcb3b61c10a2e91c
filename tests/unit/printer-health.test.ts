// lpstat's long listing read into a printer's health: the states a rented label printer gets
// into that a test cannot cause on a stand-in (out of labels) as well as those it can.
import { describe, expect, it } from 'vitest'
import { parseHealth } from '../../hub/badges/printer-health.js'

const block = (name: string, first: string, second: string, alerts: string) =>
  [
    `printer ${name} ${first}`,
    `\t${second}`,
    '\tForm mounted:',
    '\tContent types: any',
    `\tDescription: ${name}`,
    `\tAlerts: ${alerts}`,
    '\tConnection: direct',
  ].join('\n')

describe('parseHealth', () => {
  it('idle, paused, out of labels, offline and unknown queues', () => {
    const printers = [
      block('Idle', 'is idle.  enabled since Wed Dec  2 15:55:59 2026', 'Form mounted:', 'none'),
      block('Paused', 'disabled since Wed Dec  2 15:55:59 2026 -', 'out of labels', 'paused'),
      block('Empty', 'now printing Empty-3.  enabled since Wed Dec  2 15:55:59 2026', 'Media tray empty', 'media-empty-error'),
      block('Off', 'is idle.  enabled since Wed Dec  2 15:55:59 2026', 'Form mounted:', 'offline-report'),
      block('Stuck', 'now printing Stuck-7.  enabled since Wed Dec  2 15:55:59 2026', 'Rendering completed', 'none'),
    ].join('\n')
    const jobs = [
      'Stuck-7                 root             20480   Wed Dec  2 15:56:00 2026',
      '\tStatus: The printer may not exist or is unavailable at this time.',
      '\tAlerts: job-printing',
      '\tqueued for Stuck',
    ].join('\n')
    const h = parseHealth(['Idle', 'Paused', 'Empty', 'Off', 'Stuck', 'Gone'], printers, jobs)
    expect(Object.fromEntries([...h].map(([k, v]) => [k, v.state]))).toEqual({
      Idle: 'ready',
      Paused: 'stopped',
      Empty: 'media-empty',
      Off: 'offline',
      Stuck: 'offline',
      Gone: 'unknown',
    })
    expect(h.get('Paused')!.message).toBe('out of labels')
    expect(h.get('Stuck')!.message).toMatch(/unavailable/)
    expect(h.get('Idle')!.message).toBeUndefined()
  })
})
