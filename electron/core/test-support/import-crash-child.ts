// Imports an ENEX file and prints "imported <n>" as notes land, so the parent can SIGKILL it mid-import.
import { AttachmentStore } from '../attachments/store'
import { runImport } from '../import/run-import'
import { openLibrary } from '../library'

const [dir, file, onFault] = process.argv.slice(2) as [string, string, 'keep' | 'rollback']
const library = await openLibrary(dir, { holder: 'import-test' })
const store = new AttachmentStore(dir)
process.stdout.write(`open ${JSON.stringify(library.report.imports)}\n`)
const summary = await runImport(
  { library, store: (b, n, m, w) => store.add(b, n, m, w), tempRoot: `${dir}/cache` },
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
