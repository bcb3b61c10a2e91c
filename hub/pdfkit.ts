// pdfkit, loaded the first time a PDF is made rather than when the hub starts: with fontkit and
// its font tables it is ~0.13 s of CPU and ~25 MB the hub's start does not need.
import { createRequire } from 'node:module'
import type PDFKitDocument from 'pdfkit'

let loaded: typeof PDFKitDocument | null = null

/** pdfkit's document class (its CommonJS build, the same code as its ES module). */
export function PDFDocument(): typeof PDFKitDocument {
  return (loaded ??= createRequire(import.meta.url)('pdfkit') as typeof PDFKitDocument)
}
