import type { DocNodeT } from '../model'

/**
 * Calls visit for every node below the document, in reading order. Its own stack, not recursion: the
 * walkers that run on documents read from disk or imported must never overflow on a hostile one.
 */
export function eachNode(nodes: DocNodeT[] | undefined, visit: (node: DocNodeT) => void): void {
  const stack = [...(nodes ?? [])].reverse()
  while (stack.length > 0) {
    const node = stack.pop()!
    visit(node)
    const children = node.content ?? []
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!)
  }
}
