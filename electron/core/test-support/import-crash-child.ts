// Imports an ENEX file, printing "imported <n>" as notes land, and SIGKILLs itself as the first batch
// that starts with at least <after> notes committed begins to write: a crash with a batch under way, at a
// point the import's own pace cannot move (progress lines are throttled, and a small import could finish
// between one and the parent's kill, leaving nothing to recover).
// With "mid-batch", it kills itself while its second batch of notes is being put in place instead: after
// half of that batch's note files are written, before the batch is committed.
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
const importPrepared = library.importPrepared.bind(library)
const crashNow = (): Promise<never> => {
  process.kill(process.pid, 'SIGKILL')
  return new Promise(() => undefined)
}
let batches = 0
let committed = 0 // a batch starts only once the one before it is committed
library.importPrepared = async (inputs) => {
  batches++
  if (crash === 'mid-batch' && batches >= 2) {
    await importPrepared(inputs.slice(0, Math.ceil(inputs.length / 2)))
    process.stdout.write(`placed ${Math.ceil(inputs.length / 2)} of ${inputs.length}\n`)
    return crashNow()
  }
  if (committed >= after) {
    process.stdout.write(`crashing with ${committed} committed\n`)
    return crashNow()
  }
  const written = await importPrepared(inputs)
  committed += written.length
  return written
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
    onProgress: (p) => process.stdout.write(`imported ${p.imported}\n`),
  },
)
process.stdout.write(`done ${JSON.stringify(summary)}\n`)
await library.close()
