// The page a certificate's QR opens: anyone (a records officer, an employer) learns in both
// languages whether the certificate is genuine (its code carries the event key's signature)
// and, if so, whose it is and which days it names. No script, every value escaped.
import type { Attendee, EventInfo } from '../../shared/domain.js'
import { attendeeName } from '../../shared/domain.js'
import { dayDate } from '../../shared/local-time.js'
import { daysOfMask } from './eligibility.js'
import { eventDates } from './certificate-pdf.js'
import type { Verdict } from './certificate-code.js'
import { C } from './words.js'

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** `verdict` null: only the form to type a number. `typed`: the number as typed, shown back in the form. */
export function checkPage(event: EventInfo, verdict: Verdict | null, attendee: Attendee | undefined, typed = ''): string {
  const genuine = verdict?.genuine === true
  const heading = verdict === null ? C.check : genuine ? C.genuine : C.forged
  const help = verdict === null ? C.checkHelp : genuine ? C.genuineHelp : C.forgedHelp
  const rows: [string, string][] = []
  if (verdict?.genuine) {
    rows.push([`${C.number.sw} / ${C.number.en}`, verdict.number])
    if (attendee) {
      rows.push([
        `${C.attendee.sw} / ${C.attendee.en}`,
        [attendeeName(attendee), attendee.title, attendee.organisation].filter(Boolean).join(' — '),
      ])
    }
    rows.push([`${C.event.sw} / ${C.event.en}`, `${event.name.sw} / ${event.name.en} — ${event.venue}, ${eventDates(event)}`])
    rows.push([
      `${C.daysAttended.sw} / ${C.daysAttended.en}`,
      daysOfMask(event.days, verdict.claim.daysMask)
        .map((d) => `${d.name.sw} / ${d.name.en} (${dayDate(d.date)})`)
        .join('; '),
    ])
  }
  const color = verdict === null ? '#1f4e79' : genuine ? '#1b5e20' : '#b71c1c'
  const form = `<form method="get" action="/certificate"><label>${escape(`${C.typeNumber.sw} / ${C.typeNumber.en}`)}<br><input name="number" value="${escape(typed)}" maxlength="40" autocomplete="off" placeholder="KRB-0000-XXXX-XXXX"></label> <button type="submit">${escape(`${C.checkButton.sw} / ${C.checkButton.en}`)}</button></form>`
  return `<!doctype html>
<html lang="sw"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(`${heading.sw} / ${heading.en}`)}</title>
<style>body{font-family:system-ui,sans-serif;margin:0;padding:1.5rem;max-width:40rem;margin-inline:auto;color:#111}
.verdict{border:3px solid ${color};color:${color};border-radius:10px;padding:1rem 1.25rem}
.verdict h1{margin:0 0 .25rem;font-size:1.5rem}.verdict h2{margin:0;font-size:1.1rem;font-weight:normal}
dl{margin-top:1.25rem}dt{font-weight:bold;margin-top:.75rem}dd{margin:0}form{margin-top:1.5rem}input,button{font:inherit;padding:.4rem .6rem}</style></head>
<body><main>
<div class="verdict" data-verdict="${verdict === null ? 'none' : genuine ? 'genuine' : 'forged'}"><h1 lang="sw">${escape(heading.sw)}</h1><h2 lang="en">${escape(heading.en)}</h2></div>
<p lang="sw">${escape(help.sw)}</p><p lang="en">${escape(help.en)}</p>
${rows.length > 0 ? `<dl>${rows.map(([k, v]) => `<dt>${escape(k)}</dt><dd>${escape(v)}</dd>`).join('')}</dl>` : ''}
${genuine ? '' : form}
</main></body></html>`
}
