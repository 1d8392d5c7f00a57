import { useEffect } from 'react'
import { matchRanges } from './highlight'

const NAME = 'search-match'

/**
 * Marks the search matches inside the open note with the CSS Custom Highlight API: nothing is added to
 * the document or the editor's state, so the highlight can never be saved into the note. Re-applied when
 * the editor re-renders; cleared when the matches are.
 */
export function useNoteHighlight(matches: readonly string[], selector = '.note-view .ProseMirror') {
  useEffect(() => {
    const registry = (globalThis as { CSS?: { highlights?: Map<string, unknown> } }).CSS?.highlights
    const HighlightCtor = (globalThis as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight
    if (!registry || !HighlightCtor) return
    if (!matches.length) {
      registry.delete(NAME)
      return
    }
    const apply = () => {
      const root = document.querySelector(selector)
      if (!root) return
      const ranges: Range[] = []
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const [start, end] of matchRanges(node.textContent ?? '', matches)) {
          const range = document.createRange()
          range.setStart(node, start)
          range.setEnd(node, end)
          ranges.push(range)
        }
      }
      registry.set(NAME, new HighlightCtor(...ranges))
    }
    apply()
    const observer = new MutationObserver(apply)
    observer.observe(document.body, { childList: true, subtree: true, characterData: true })
    return () => {
      observer.disconnect()
      registry.delete(NAME)
    }
  }, [matches, selector])
}
