export type DeferredKey = 'Enter' | 'Shift-Enter' | 'Tab' | 'Shift-Tab'

/**
 * Which editor key a native line-break `beforeinput` stands for. ProseMirror handles Enter itself on
 * keydown and cancels it, so a native paragraph split only reaches the page when ProseMirror skipped the
 * keydown, which it does during (or right at the end of) an IME composition. Every such split is taken
 * over, so the browser never edits the document behind ProseMirror's back.
 */
export function keyForNativeBreak(inputType: string): DeferredKey | null {
  if (inputType === 'insertParagraph') return 'Enter'
  if (inputType === 'insertLineBreak') return 'Shift-Enter'
  return null
}
