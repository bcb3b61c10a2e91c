// `npm run soak`: the crash harness with 200 SIGKILLs (a few minutes).
import { runCrashHarness } from '../tests/helpers/crash-harness.js'

const kills = Number(process.argv[2] ?? 200)
const report = await runCrashHarness({ kills, log: (m) => console.log(m) })
console.log(JSON.stringify({ ...report, missing: report.missing.length }, null, 2))
const ok = report.missing.length === 0 && report.duplicateLines === 0 && report.countsMatch
console.log(ok ? `soak passed: ${kills} kills, ${report.reported} check-ins reported, all stored once` : 'soak FAILED')
process.exit(ok ? 0 : 1)
