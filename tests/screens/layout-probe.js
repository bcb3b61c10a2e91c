// Runs inside the page (evaluated by tests/screens/checks.ts): plain JavaScript, so the Node
// side's type check does not need the DOM's types. One expression (checks.ts calls it), so not
// reformatted into a statement.
// prettier-ignore
(({ inViewport, touch, minTarget }) => {
    const d = document
    const w = window
    const problems = []
    const name = (e) => {
      const id = e.getAttribute('data-testid')
      const text = (e.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)
      return `<${e.tagName.toLowerCase()}${id ? ` data-testid=${id}` : ''}${e.className && typeof e.className === 'string' ? ` .${e.className.split(' ')[0]}` : ''}> "${text}"`
    }
    const visible = (e) => {
      const r = e.getBoundingClientRect()
      const s = w.getComputedStyle(e)
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'
    }
    /** inside something that scrolls sideways on purpose (a wide table in its own box) */
    const inScroller = (e) => {
      for (let p = e.parentElement; p; p = p.parentElement) {
        const s = w.getComputedStyle(p)
        if ((s.overflowX === 'auto' || s.overflowX === 'scroll') && p !== d.documentElement && p !== d.body) return true
      }
      return false
    }
    const all = [...d.body.querySelectorAll('*')].filter(visible)

    if (d.documentElement.scrollWidth > w.innerWidth + 1) {
      const wide = all.filter((e) => e.getBoundingClientRect().right > w.innerWidth + 1 && !inScroller(e))
      problems.push(`page is ${d.documentElement.scrollWidth}px wide in ${w.innerWidth}px: ${wide.slice(-3).map(name).join(', ')}`)
    }

    for (const e of all) {
      if (!(e.textContent ?? '').trim() || e.tagName === 'SCRIPT' || e.tagName === 'STYLE') continue
      const s = w.getComputedStyle(e)
      const clipsX = s.overflowX === 'hidden' || s.overflowX === 'clip' || s.textOverflow === 'ellipsis'
      const clipsY = s.overflowY === 'hidden' || s.overflowY === 'clip'
      if (clipsX && e.scrollWidth > e.clientWidth + 1) problems.push(`text cut sideways (${e.scrollWidth} > ${e.clientWidth}px): ${name(e)}`)
      if (clipsY && e.scrollHeight > e.clientHeight + 1 && e.clientHeight > 0) problems.push(`text cut at the bottom (${e.scrollHeight} > ${e.clientHeight}px): ${name(e)}`)
    }

    if (inViewport) {
      const root = d.querySelector(inViewport)
      if (!root) problems.push(`${inViewport} is not on the screen`)
      else {
        if (root.scrollHeight > root.clientHeight + 1) problems.push(`${inViewport} needs scrolling (${root.scrollHeight} > ${root.clientHeight}px)`)
        for (const e of [root, ...root.querySelectorAll('*')].filter(visible)) {
          const hasOwnText = [...e.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? '').trim())
          if (!hasOwnText && e.tagName !== 'BUTTON') continue
          const r = e.getBoundingClientRect()
          if (r.top < -1 || r.left < -1 || r.bottom > w.innerHeight + 1 || r.right > w.innerWidth + 1)
            problems.push(`answer text outside the screen (${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}): ${name(e)}`)
        }
      }
    }

    if (touch) {
      const targets = all.filter((e) => e.matches('button, a[href], input:not([type=checkbox]):not([type=radio]):not([type=hidden]):not([type=file]), select, textarea, [role=button], [role=tab], summary'))
      // a box or a file input is pressed through its label: the label is the target
      const boxes = [...d.body.querySelectorAll('input[type=checkbox], input[type=radio], input[type=file]')]
        .map((e) => e.closest('label') ?? (e.id ? d.querySelector(`label[for="${e.id}"]`) : null) ?? e)
        .filter(visible)
      for (const e of [...targets, ...boxes]) {
        if (inViewport && !e.closest(inViewport) && d.querySelector(inViewport)) continue
        const r = e.getBoundingClientRect()
        if (r.width < minTarget - 0.5 || r.height < minTarget - 0.5) problems.push(`touch target ${Math.round(r.width)}×${Math.round(r.height)}px: ${name(e)}`)
      }
    }
    return problems
  })
