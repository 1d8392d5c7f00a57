import { SaxesParser } from 'saxes'
import { DOC_LIMITS } from '../../../shared/model'
import { HTML_ENTITIES } from './html-entities'
import { escapeStrayAmpersands } from './stray-ampersands'
import { isRecoverable, refuseInternalSubset, splitSaxesMessage } from './xml-safety'

export interface El {
  name: string
  attrs: Record<string, string>
  children: (El | string)[]
}

export interface EnmlTree {
  root: El
  warnings: string[]
  /** Set when the body is not well-formed; the tree then holds what came before the fault. */
  fault: string | null
}

/**
 * Elements nested deeper than this add no level of their own: what they hold joins the element at the
 * cap. It is four times what a note can keep (fitDocDepth flattens past DOC_LIMITS.depth anyway), and it
 * bounds the recursive conversion that follows on a hostile body of a million nested <div>s.
 */
const MAX_ELEMENT_DEPTH = DOC_LIMITS.depth * 4

/**
 * Parses one note's ENML (XHTML inside the ENEX's CDATA) into a small element tree. The body is bounded
 * by the reader's per-note limit, so a tree is fine here; the file as a whole is never a tree.
 */
export function parseEnml(enml: string): EnmlTree {
  const parser = new SaxesParser({ position: true })
  Object.assign(parser.ENTITIES, HTML_ENTITIES)
  const root: El = { name: '#root', attrs: {}, children: [] }
  const stack: El[] = [root]
  const warnings: string[] = []
  let fault: string | null = null
  let unknownEntities = 0

  parser.on('doctype', (doctype) => {
    fault ??= refuseInternalSubset(doctype)
  })
  parser.on('error', (error) => {
    const { line, column, message } = splitSaxesMessage(error.message, parser)
    if (isRecoverable(message)) unknownEntities++
    else fault ??= `line ${line}, column ${column} of the note body: ${message}`
  })
  let beyondCap = 0
  parser.on('opentag', (tag) => {
    if (fault) return
    if (stack.length > MAX_ELEMENT_DEPTH) {
      beyondCap++
      return
    }
    const el: El = {
      name: tag.name.toLowerCase(),
      attrs: tag.attributes as Record<string, string>,
      children: [],
    }
    stack.at(-1)!.children.push(el)
    stack.push(el)
  })
  parser.on('closetag', () => {
    if (fault) return
    if (beyondCap > 0) beyondCap--
    else if (stack.length > 1) stack.pop()
  })
  const onText = (text: string) => {
    if (fault) return
    // Past the cap each run of text is a block of its own, so a list still keeps it (lists keep elements only).
    if (beyondCap === 0) stack.at(-1)!.children.push(text)
    else if (text.trim()) stack.at(-1)!.children.push({ name: 'div', attrs: {}, children: [text] })
  }
  parser.on('text', onText)
  parser.on('cdata', onText)
  try {
    const fixed = escapeStrayAmpersands(enml)
    if (fixed.count) warnings.push(`${fixed.count} stray "&" read as text`)
    parser.write(fixed.text).close()
  } catch (error) {
    fault ??= error instanceof Error ? error.message : String(error)
  }
  if (unknownEntities) warnings.push(`${unknownEntities} unknown or stray "&" kept as text`)
  const enNote = root.children.find((c): c is El => typeof c !== 'string' && c.name === 'en-note')
  return { root: enNote ?? root, warnings, fault }
}

/** All the text under an element, for code blocks and plain-text fallbacks. */
export function textOf(node: El | string): string {
  if (typeof node === 'string') return node
  if (node.name === 'br') return '\n'
  const inner = node.children.map(textOf).join('')
  return node.name === 'div' || node.name === 'p' ? `${inner}\n` : inner
}
