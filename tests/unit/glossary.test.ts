// Every string a person reads exists in both languages and uses GLOSSARY.md's words: the
// screens' string tables are loaded as the pages load them, and every source file's Swahili
// is searched for the words the glossary says not to write.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

// loaded by path, as the pages load them: the renderer's modules are typed for the browser,
// which this Node-side test's type check does not include
const load = (path: string) => import(/* @vite-ignore */ path)
const { default: i18n } = (await load('../../renderer/src/i18n/setup')) as {
  default: { getResourceBundle(lang: string, ns: string): unknown }
}
for (const page of ['admin', 'dashboard', 'kiosk']) await load(`../../renderer/src/pages/${page}/strings`)

type Tree = { [key: string]: string | Tree }

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v)
    else for (const [kk, vv] of leaves(v, `${prefix}${k}.`)) out.set(kk, vv)
  }
  return out
}

/** The glossary's "do not write" column, and "saa" before a clock time (read as Swahili time). */
const NOT_SWAHILI: [RegExp, string][] = [
  [/tayari umesajiliwa/i, 'already checked in is "umeshaingia leo"'],
  [/waliosajiliwa|waliowasili|wamewasili|aliyewasili|wanaowasili/i, 'checked in is "walioingia"'],
  [/wasiosajiliwa/i, 'walk-in is "mshiriki wa papo hapo"'],
  [/mhudhuriaji|wahudhuriaji/i, 'attendee is "mshiriki"'],
  [/kioski cha meza|kioski ya /i, 'kioski hiki / kioski cha Meza 1'],
  [/aliyekwisha/i, 'use "ameshaingia"'],
  [/\bkarani\b/i, 'desk officer is "afisa wa meza"'],
  [/\bseva\b/i, 'hub is "kitovu"'],
  [/\bsaa (\{\{|\d)/i, 'times are 16:39, without "saa"'],
  [/daftari la mahudhurio/i, 'attendance register is "rejista ya mahudhurio"'],
]
const NOT_ENGLISH: [RegExp, string][] = [
  [/already registered/i, 'already checked in'],
  [/\barrivals? per\b/i, 'check-ins per'],
]

const sw = leaves(i18n.getResourceBundle('sw', 'translation') as Tree)
const en = leaves(i18n.getResourceBundle('en', 'translation') as Tree)

describe('the screens speak both languages with one vocabulary', () => {
  it('every key has a Swahili and an English string, neither empty', () => {
    expect(sw.size).toBeGreaterThan(300)
    expect([...sw.keys()].filter((k) => !en.has(k))).toEqual([])
    expect([...en.keys()].filter((k) => !sw.has(k))).toEqual([])
    expect([...sw, ...en].filter(([, v]) => !v.trim()).map(([k]) => k)).toEqual([])
  })

  it('the Swahili strings use the glossary words, and never the English "hub"', () => {
    const bad = [...sw].flatMap(([k, v]) =>
      [...NOT_SWAHILI, [/\bhub\b/i, 'hub is "kitovu"'] as [RegExp, string]]
        .filter(([re]) => re.test(v))
        .map(([, why]) => `${k}: "${v}" — ${why}`),
    )
    expect(bad).toEqual([])
  })

  it('the English strings use the glossary words', () => {
    const bad = [...en].flatMap(([k, v]) => NOT_ENGLISH.filter(([re]) => re.test(v)).map(([, why]) => `${k}: "${v}" — ${why}`))
    expect(bad).toEqual([])
  })

  it('interpolated values are the same in both languages', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()
    const differ = [...sw].filter(([k, v]) => en.has(k) && vars(v).join() !== vars(en.get(k)!).join()).map(([k]) => k)
    expect(differ).toEqual([])
  })
})

describe('hub, agent, CLI and documents use the glossary words', () => {
  const roots = ['hub', 'agent', 'node-shared', 'shared', 'electron', 'renderer/src', 'scripts']
  const files: string[] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (/\.(ts|tsx|mts)$/.test(name)) files.push(path)
    }
  }
  for (const r of roots) walk(r)

  it('no source file writes a Swahili word the glossary rules out', () => {
    const bad: string[] = []
    for (const f of files) {
      const lines = readFileSync(f, 'utf8').split('\n')
      lines.forEach((line, i) => {
        // comments explain; only what a person reads is held to the glossary
        const code = line.replace(/^\s*(\/\/|\*|\/\*).*$/, '')
        for (const [re, why] of NOT_SWAHILI) if (re.test(code)) bad.push(`${f}:${i + 1}: ${why}: ${code.trim().slice(0, 120)}`)
      })
    }
    expect(files.length).toBeGreaterThan(100)
    expect(bad).toEqual([])
  })
})
