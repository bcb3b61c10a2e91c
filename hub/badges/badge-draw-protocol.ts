// Messages between the hub's main thread and the badge drawer's thread (badge-draw-worker.ts).
import type { BadgeFormat } from '../../shared/badges/badge-layout.js'
import type { Attendee, EventInfo } from '../../shared/domain.js'
import type { BulkLayout } from './badge-pdf.js'

export type DrawRequest =
  | { id: number; kind: 'start'; format: BadgeFormat; layout: BulkLayout; title: string; event: EventInfo }
  /** the next badges, each with its signed code; `last`: no more follow */
  | { id: number; kind: 'badges'; badges: { attendee: Attendee; code: string }[]; last: boolean }
  | { id: number; kind: 'pause' | 'resume' | 'cancel' }

export type DrawReply =
  | { id: number; kind: 'piece'; bytes: Uint8Array }
  | { id: number; kind: 'done'; count: number }
  | { id: number; kind: 'failed'; message: string }
