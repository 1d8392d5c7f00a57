// Imports an ENEX file, printing "imported <n>" as notes land, and SIGKILLs itself once <after> notes are
// reported: the crash comes at that point, not whenever the parent's kill arrives (by then a small import
// can have finished, leaving nothing to recover).
// With "mid-batch", the process kills itself while its second batch of notes is being put in place:
// after half of that batch's note files are written, before the batch is committed.
import { AttachmentStore } from '../attachments/store'
import { runImport } from '../transfer/import/run-import'
import { openLibrary } from '../library'

const [dir, file, onFault, afterArg, crash] = process.argv.slice(2) as [
  string,
  string,
  'keep' | 'rollback',
  string,
  string?,
]
const after = Number(afterArg)
const library = await openLibrary(dir, { holder: 'import-test' })
if (crash === 'mid-batch') {
  const importPrepared = library.importPrepared.bind(library)
  let batches = 0
  library.importPrepared = async (inputs) => {
    if (++batches < 2) return importPrepared(inputs)
    await importPrepared(inputs.slice(0, Math.ceil(inputs.length / 2)))
    process.stdout.write(`placed ${Math.ceil(inputs.length / 2)} of ${inputs.length}\n`)
    process.kill(process.pid, 'SIGKILL')
    return new Promise(() => undefined)
  }
}
const store = new AttachmentStore(dir)
process.stdout.write(`open ${JSON.stringify(library.report.imports)}\n`)
const summary = await runImport(
  { library, store: (b, n, m, w, batch) => store.add(b, n, m, w, batch), tempRoot: `${dir}/cache` },
  {
    jobId: 'crash',
    path: file,
    name: 'big.enex',
    options: { onFault },
    signal: new AbortController().signal,
    onProgress: (p) => {
      process.stdout.write(`imported ${p.imported}\n`)
      if (p.imported >= after) process.kill(process.pid, 'SIGKILL')
    },
  },
)
process.stdout.write(`done ${JSON.stringify(summary)}\n`)
await library.close()
