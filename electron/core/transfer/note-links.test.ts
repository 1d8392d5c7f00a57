import { describe, expect, it } from 'vitest'
import type { DocNodeT } from '../../shared/model'
import { noteLinkNode, noteLinkOf, type NoteLinkAttrs } from '../../shared/note-link'
import { eachNode } from '../../shared/domain/doc-walk'
import { AttachmentStore } from '../attachments/store'
import { openLibrary } from '../library'
import { useTempDirs } from '../test-support/temp-dir'
import { buildExport } from './export'
import { importFiles } from './import'
import { writeZip } from './zip'

const tempDir = useTempDirs()

const text = (t: string): DocNodeT => ({ type: 'text', text: t })
const linksIn = (doc: { content?: DocNodeT[] }): NoteLinkAttrs[] => {
  const found: NoteLinkAttrs[] = []
  eachNode(doc.content, (node) => {
    const link = noteLinkOf(node)
    if (link) found.push(link)
  })
  return found
}

describe('links between notes through a Markdown export and import', () => {
  it('point at the imported notes (their new ids) in a fresh library, with their words kept', async () => {
    const from = tempDir()
    const lib = await openLibrary(from)
    const notebook = await lib.createNotebook('Project')
    const b = await lib.createNote({
      notebookId: notebook.id,
      title: 'Trip plan',
      doc: { type: 'doc', content: [] },
    })
    const k = await lib.createNote({
      notebookId: notebook.id,
      title: '주간 회의록',
      doc: { type: 'doc', content: [] },
    })
    const a = await lib.createNote({
      notebookId: notebook.id,
      title: 'Overview',
      doc: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              text('See '),
              noteLinkNode({ id: b.id, title: 'Trip plan', label: 'the plan' }),
              text(' and '),
              noteLinkNode({ id: k.id, title: '주간 회의록', label: null }),
              text('.'),
            ],
          },
        ],
      },
    })
    // B renamed after the link was made: the export writes the name B has now, which is what B's file is called.
    await lib.updateNote(b.id, { title: 'Trip plan 2027' })

    const { folder, files } = await buildExport(
      lib,
      new AttachmentStore(from),
      { notebookId: notebook.id },
      'markdown',
    )
    const overview = files.find((f) => f.path === `${folder}/Overview.md`)
    // Relative links to the targets' files, as any Markdown reader follows them.
    expect(Buffer.from(overview!.data).toString()).toContain(
      'See [the plan](Trip%20plan%202027.md) and [주간 회의록](주간%20회의록.md).',
    )
    await lib.close()

    const to = tempDir()
    const fresh = await openLibrary(to)
    const result = await importFiles(fresh, new AttachmentStore(to), [
      { path: `${folder}.zip`, data: writeZip(files) },
    ])
    expect(result.skipped).toEqual([])
    const byTitle = new Map(result.imported.map((n) => [n.title, n.id]))
    expect([...byTitle.keys()].sort()).toEqual(['Overview', 'Trip plan 2027', '주간 회의록'].sort())

    const importedA = await fresh.getNote(byTitle.get('Overview')!)
    expect(importedA.id).not.toBe(a.id)
    expect(linksIn(importedA.doc)).toEqual([
      { id: byTitle.get('Trip plan 2027')!, title: 'Trip plan 2027', label: 'the plan' },
      { id: byTitle.get('주간 회의록')!, title: '주간 회의록', label: null },
    ])
    // Neither link points into the library it came from.
    expect(linksIn(importedA.doc).map((l) => l.id)).not.toContain(b.id)
    await fresh.close()
  })
})
