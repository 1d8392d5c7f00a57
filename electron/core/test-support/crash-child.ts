// Saves in a loop and prints "ack <id> <seq>" only after each save resolved, so the parent knows exactly
// which saves were reported as done when it kills this process.
import { openLibrary } from '../library'

const dir = process.argv[2]!
const lib = await openLibrary(dir, { holder: 'crash-test' })
const ids = lib.listNotes().map((n) => n.id)
let seq = Number(process.argv[3] ?? 0)
process.stdout.write('ready\n')
for (;;) {
  seq++
  const text = `save ${seq} ${'x'.repeat(seq % 500)}`
  const doc = { type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }
  if (ids.length < 20 || seq % 3 === 0) {
    const note = await lib.createNote({ title: `note ${seq}`, doc })
    ids.push(note.id)
    process.stdout.write(`ack ${note.id} ${seq}\n`)
  } else {
    const id = ids[seq % ids.length]!
    await lib.updateNote(id, { title: `note ${seq}`, doc })
    process.stdout.write(`ack ${id} ${seq}\n`)
  }
  if (seq % 400 === 0) await lib.refreshSnapshot()
}
