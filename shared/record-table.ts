// The ledger's records, kept compactly: 200,000 check-ins as objects of a dozen strings each
// were most of a hub's memory at a large event. Here each record is a row of numbers: ids of
// attendees, desks, days, halls and kiosks interned once, times as epoch milliseconds, the
// order of its fields as one shared "shape". A record comes back from get() or values() as a
// fresh object equal to the one stored, fields in the same order. A record that does not fit
// (a time that is not in toISOString's form, a field the table does not know) is kept whole,
// so nothing is ever changed by being stored.

/** a growable column of 32-bit integers */
class IntColumn {
  data = new Int32Array(1024)
  set(i: number, v: number) {
    if (i >= this.data.length) {
      const next = new Int32Array(this.data.length * 2)
      next.set(this.data)
      this.data = next
    }
    this.data[i] = v
  }
}

/** a growable column of doubles (epoch milliseconds, offsets) */
class NumberColumn {
  data = new Float64Array(1024)
  set(i: number, v: number) {
    if (i >= this.data.length) {
      const next = new Float64Array(this.data.length * 2)
      next.set(this.data)
      this.data = next
    }
    this.data[i] = v
  }
}

/** Each distinct string once, numbered. */
export class Interner {
  private readonly index = new Map<string, number>()
  readonly strings: string[] = []
  id(s: string): number {
    let i = this.index.get(s)
    if (i === undefined) {
      i = this.strings.length
      this.strings.push(s)
      this.index.set(s, i)
    }
    return i
  }
  /** the one stored copy of `s` (so many records' equal strings share one) */
  intern(s: string): string {
    return this.strings[this.id(s)]!
  }
}

const NULL = -1

type Field =
  | 'seq'
  | 'attendeeId'
  | 'badgeVersion'
  | 'dayId'
  | 'deskId'
  | 'hallId'
  | 'kioskId'
  | 'kind'
  | 'method'
  | 'scannedAt'
  | 'effectiveAt'
  | 'clockOffsetMs'
  | 'receivedAt'
  | 'outcome'
  | 'hubOutcome'
  | 'first'
  | 'review'
  | 'override'
const STRING_FIELDS = [
  'attendeeId',
  'dayId',
  'deskId',
  'hallId',
  'kioskId',
  'kind',
  'method',
  'outcome',
  'hubOutcome',
  'review',
  'override',
] as const
type StringField = (typeof STRING_FIELDS)[number]

const digits = (s: string, from: number, n: number): number => {
  let v = 0
  for (let i = from; i < from + n; i++) {
    const c = s.charCodeAt(i) - 48
    if (c < 0 || c > 9) return -1
    v = v * 10 + c
  }
  return v
}
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/**
 * epoch ms of a time written exactly as toISOString writes it (2026-11-24T07:00:00.000Z), else
 * NaN. Read by hand: Date.parse and toISOString for every time of 200,000 records were most of
 * a replay.
 */
export function exactTime(v: unknown): number {
  if (typeof v !== 'string' || v.length !== 24) return NaN
  if (v[4] !== '-' || v[7] !== '-' || v[10] !== 'T' || v[13] !== ':' || v[16] !== ':' || v[19] !== '.' || v[23] !== 'Z') return NaN
  const y = digits(v, 0, 4)
  const mo = digits(v, 5, 2)
  const d = digits(v, 8, 2)
  const h = digits(v, 11, 2)
  const mi = digits(v, 14, 2)
  const sec = digits(v, 17, 2)
  const msec = digits(v, 20, 3)
  // years below 1000 are left to the whole-record path (Date.UTC reads 0–99 as 1900–1999)
  if (
    y < 1000 ||
    mo < 1 ||
    mo > 12 ||
    d < 1 ||
    d > DAYS_IN_MONTH[mo - 1]! ||
    h < 0 ||
    h > 23 ||
    mi < 0 ||
    mi > 59 ||
    sec < 0 ||
    sec > 59 ||
    msec < 0
  )
    return NaN
  if (mo === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return NaN
  return Date.UTC(y, mo - 1, d, h, mi, sec, msec)
}

const isInt32 = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 0x7fffffff

/** Records by id, in the order they were added (for the ledger: seq order). */
export class RecordTable<R extends { id: string; seq: number }> {
  private readonly rowOf = new Map<string, number>()
  private readonly ids: string[] = []
  /** rows kept whole, because they do not fit the columns */
  private readonly whole = new Map<number, R>()
  readonly strings = new Interner()
  private readonly shapes = new Interner()
  private readonly shape = new IntColumn()
  // one column per field, made up front: the replay writes 200,000 rows through these
  private readonly seq = new IntColumn()
  private readonly badgeVersion = new IntColumn()
  private readonly clockOffsetMs = new NumberColumn()
  private readonly firstAt = new NumberColumn()
  private readonly firstDesk = new IntColumn()
  private readonly times = { scannedAt: new NumberColumn(), effectiveAt: new NumberColumn(), receivedAt: new NumberColumn() }
  private readonly lastText: Partial<Record<StringField, { text: string; id: number }>> = {}
  private readonly texts = Object.fromEntries(STRING_FIELDS.map((f) => [f, new IntColumn()])) as Record<StringField, IntColumn>

  get size(): number {
    return this.ids.length
  }

  has(id: string): boolean {
    return this.rowOf.has(id)
  }

  get(id: string): R | undefined {
    const row = this.rowOf.get(id)
    return row === undefined ? undefined : this.row(row)
  }

  *values(): IterableIterator<R> {
    for (let row = 0; row < this.ids.length; row++) yield this.row(row)
  }

  *keys(): IterableIterator<string> {
    yield* this.ids
  }

  [Symbol.iterator](): IterableIterator<R> {
    return this.values()
  }

  /** Adds a record not yet in the table (the caller checks has() first). */
  add(record: R): void {
    const row = this.ids.length
    const id = record.id
    this.ids.push(id)
    this.rowOf.set(id, row)
    if (!this.encode(row, record)) {
      this.shape.set(row, NULL)
      this.whole.set(row, record)
    }
  }

  /** Writes the row's columns; false when a field does not fit (the row is then kept whole and what was written is never read). */
  private encode(row: number, r: R): boolean {
    const rec = r as unknown as Record<string, unknown>
    const keys = Object.keys(rec)
    if (keys[0] !== 'id' || typeof rec.id !== 'string') return false
    for (let i = 1; i < keys.length; i++) {
      const k = keys[i]!
      const v = rec[k]
      switch (k) {
        case 'seq':
          if (!isInt32(v)) return false
          this.seq.set(row, v)
          break
        case 'badgeVersion':
          if (v !== null && !isInt32(v)) return false
          this.badgeVersion.set(row, v === null ? NULL : v)
          break
        case 'clockOffsetMs':
          if (typeof v !== 'number') return false
          this.clockOffsetMs.set(row, v)
          break
        case 'first': {
          const f = v as { at?: unknown; deskId?: unknown } | null
          if (!f || typeof f !== 'object' || typeof f.deskId !== 'string' || Object.keys(f).join(',') !== 'at,deskId') return false
          const at = exactTime(f.at)
          if (Number.isNaN(at)) return false
          this.firstAt.set(row, at)
          this.firstDesk.set(row, this.strings.id(f.deskId))
          break
        }
        case 'scannedAt':
        case 'effectiveAt':
        case 'receivedAt': {
          const t = exactTime(v)
          if (Number.isNaN(t)) return false
          this.times[k].set(row, t)
          break
        }
        case 'attendeeId':
        case 'dayId':
        case 'deskId':
        case 'hallId':
        case 'kioskId':
        case 'kind':
        case 'method':
        case 'outcome':
        case 'hubOutcome':
        case 'review':
        case 'override':
          if (v === null) this.texts[k].set(row, NULL)
          else if (typeof v !== 'string') return false
          else {
            // most fields repeat the record before's (same desk, day, outcome): no hashing then
            const last = this.lastText[k]
            if (last && last.text === v) this.texts[k].set(row, last.id)
            else {
              const id = this.strings.id(v)
              this.lastText[k] = { text: v, id }
              this.texts[k].set(row, id)
            }
          }
          break
        default:
          return false // a field the table does not know
      }
    }
    this.shape.set(row, this.shapeId(keys))
    return true
  }

  /** most records have the field order of the one before: known without joining and hashing the keys */
  private lastKeys: string[] = []
  private lastShape = NULL
  /** each shape's fields, by shape number */
  private readonly shapeKeys: ('id' | Field)[][] = []
  private shapeId(keys: string[]): number {
    const last = this.lastKeys
    if (keys.length !== last.length || keys.some((k, i) => k !== last[i])) {
      this.lastKeys = keys
      this.lastShape = this.shapes.id(keys.join(','))
      this.shapeKeys[this.lastShape] ??= keys as ('id' | Field)[]
    }
    return this.lastShape
  }

  private row(row: number): R {
    const kept = this.whole.get(row)
    if (kept) return kept
    const out: Record<string, unknown> = {}
    const strings = this.strings.strings
    for (const k of this.shapeKeys[this.shape.data[row]!]!) {
      switch (k) {
        case 'id':
          out.id = this.ids[row]
          break
        case 'seq':
          out.seq = this.seq.data[row]
          break
        case 'badgeVersion': {
          const v = this.badgeVersion.data[row]!
          out.badgeVersion = v === NULL ? null : v
          break
        }
        case 'clockOffsetMs':
          out.clockOffsetMs = this.clockOffsetMs.data[row]
          break
        case 'first':
          out.first = { at: new Date(this.firstAt.data[row]!).toISOString(), deskId: strings[this.firstDesk.data[row]!] }
          break
        case 'scannedAt':
        case 'effectiveAt':
        case 'receivedAt':
          out[k] = new Date(this.times[k].data[row]!).toISOString()
          break
        default: {
          const v = this.texts[k].data[row]!
          out[k] = v === NULL ? null : strings[v]
        }
      }
    }
    return out as unknown as R
  }
}
