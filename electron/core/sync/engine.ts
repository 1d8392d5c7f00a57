import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import * as Y from 'yjs'
import { TicklerError } from '../../shared/rpc'
import type { Note, NoteSummary } from '../../shared/model'
import type { Library } from '../types'
import { DocSet } from './doc-set'
import { compactOwn } from './compact'
import { deviceDir, listFolder, packName, writePack, type FolderListing } from './folder'
import { Kind } from './envelope'
import { deriveAll, isNoteGuid, readNotes, syncedOf } from './library-writer'
import { LocalDocs, RevIndex } from './local-store'
import { absorbNote, deriveNote, seedNoteDoc, TAGS } from './note-doc'
import { absorbLibraryDocs, rehomeLibraryCards } from './library-docs'
import { encodePack } from './packs'
import { applyFiles } from './apply-files'
import { syncAttachments } from './attachments'
import { fileKey, libraryToJoin, planReads } from './read-plan'
import { finishPass } from './publish'
import { syncDirOf, type Problem, type SyncState } from './state'
import type { SyncStores } from './stores'
import { fateOf, recordDelete, RESTORED_TAG } from './tombstone'

export interface PassReport {
  /** Docs this device published changes of. */
  sent: number
  /** Folder files applied. */
  received: number
  /** Notes written to or removed from the library. */
  written: number
  /** Notes that could not be written yet (their notebook has not arrived): tried again next pass. */
  pending: number
  problems: Problem[]
  /** Files announced and not delivered yet (placeholders, half-copied, listed in a manifest). */
  waiting: number
}

/** A change `tickler append` (and later the editor) makes to a note's Y.Doc within a pass. */
export type DocEdit = (doc: Y.Doc) => void

const emptyReport = (): PassReport => ({
  sent: 0,
  received: 0,
  written: 0,
  pending: 0,
  problems: [],
  waiting: 0,
})

/**
 * One library's side of a sync folder. A pass, in this order (each step safe to repeat after a crash):
 *  0. this device's own packs not recorded as applied (a crash right after publishing) are applied;
 *  1. local changes — notes whose library revision differs from the one their doc was derived at, notes
 *     deleted here, notebooks — go into the docs as Yjs operations, against the state the library last
 *     had, so a local save can never undo a remote change it never saw;
 *  2. everyone's packs are applied (Yjs merges);
 *  3. notes this device has that no doc holds are converted (once) — unless the folder has them:
 *     then they merge by id, never converted a second time;
 *  4. this device's pack is published (temp file, rename);
 *  5. the docs are saved, marked "being written" (-1) in the revision index;
 *  6. each touched doc is derived into the library through its durable write path.
 */
export class SyncEngine {
  private readonly docs: LocalDocs
  private readonly revs: RevIndex
  /** Set after a rename (state.deviceName): the next pass announces it even when it sends nothing. */
  announceNext = false

  constructor(
    private readonly lib: Library,
    private readonly stores: SyncStores, // the host's open stores (stores.ts)
    readonly state: SyncState,
    /** True until the first pass of a device new to the folder has finished. */
    private joining: boolean,
    private readonly merge: boolean,
    private readonly compactAfter?: number,
  ) {
    this.docs = new LocalDocs(lib.dataDir)
    this.revs = new RevIndex(syncDirOf(lib.dataDir))
  }

  static async create(
    lib: Library,
    stores: SyncStores,
    state: SyncState,
    joining: boolean,
    merge = false,
    compactAfter?: number,
  ) {
    await mkdir(syncDirOf(lib.dataDir), { recursive: true })
    return new SyncEngine(lib, stores, state, joining, merge, compactAfter)
  }

  async pass(edits: ReadonlyMap<string, DocEdit> = new Map()): Promise<PassReport> {
    const { lib, state } = this
    const me = state.deviceId
    const now = lib.now().toISOString()
    let listing: FolderListing
    try {
      listing = await listFolder(state.folder)
    } catch (error) {
      throw new TicklerError(
        'NOT_FOUND',
        `The sync folder ${state.folder} cannot be read (${(error as Error).message}). Nothing was synced; local work goes on.`,
      )
    }
    // The library's notes, listed once for the whole pass.
    const summaries = lib.listNotes()
    const joinable = await libraryToJoin(state, listing, this.joining, summaries.length > 0)
    if (joinable.take) {
      state.libraryId = joinable.take
      this.joining = true // announce the library taken, and check it as a joining device does
    }
    if (this.joining && joinable.waitForFolder) {
      // Other devices are there but nothing of theirs reads yet: joining now would start a second library.
      const detail = "the folder's library has not arrived yet; joining when it has"
      const problems = [{ file: '', reason: 'incomplete', detail }]
      return { ...emptyReport(), waiting: listing.placeholders.length + 1, problems }
    }
    const report: PassReport = { ...emptyReport(), waiting: listing.placeholders.length }
    const set = new DocSet(this.docs, new Set(await this.docs.list()))
    const known = new Map<string, Note>()
    const applied = new Set(state.applied)
    const plan = planReads(listing, applied)
    const appliedNow: string[] = []
    await applyFiles(
      this.state.libraryId,
      set,
      plan.filter((f) => f.device === me),
      report,
      appliedNow,
    )
    const fresh = await this.absorbLocal(set, summaries, known, edits, now)
    const remote = plan.filter((f) => f.device !== me)
    const remoteGuids = await applyFiles(this.state.libraryId, set, remote, report, appliedNow)
    if (this.joining && !this.merge) this.refuseSeparateLibrary(remoteGuids, summaries)
    await absorbLibraryDocs(set, this.revs, lib, this.stores, now, true)
    await this.convertOrMerge(set, fresh, known, edits)
    for (const doc of await set.touchedDocs()) {
      // Brought back by an edit made elsewhere after this device deleted it: say so, on the note itself.
      if (isNoteGuid(doc.guid) && fateOf(doc) === 'restored' && !lib.summaryOf(doc.guid)) {
        const tags = doc.getArray<unknown>(TAGS)
        if (!tags.toArray().includes(RESTORED_TAG)) set.capture(doc, () => tags.push([RESTORED_TAG]))
      }
    }
    if (set.outgoing.length) {
      const own = listing.packs.filter((f) => f.device === me)
      const seq = Math.max(state.nextSeq, ...own.map((f) => f.seq + 1))
      const name = packName('log', seq)
      const header = { libraryId: state.libraryId, device: me, seq, createdAt: now }
      await writePack(state.folder, me, name, Kind.log, encodePack(header, set.outgoing))
      state.nextSeq = seq + 1
      appliedNow.push(fileKey({ device: me, name }))
      listing.packs.push({
        device: me,
        kind: 'log',
        seq,
        name,
        path: join(deviceDir(state.folder, me), name),
      })
      report.sent = new Set(set.outgoing.map((e) => e.guid)).size
    }
    const touched = await set.touchedDocs()
    this.revs.set(touched.map((d) => [d.guid, -1]))
    await this.docs.saveMany(touched)
    // Attachments first, so a note that arrived with a picture shows it as soon as it is in the list.
    await syncAttachments(
      lib.dataDir,
      state.folder,
      me,
      [...new Set([...listing.devices, me])],
      report,
    ).catch((error: Error) =>
      report.problems.push({ file: 'attachments', reason: 'failed', detail: error.message }),
    )
    await deriveAll(this.lib, this.revs, this.stores, touched, known, report)
    if (touched.length > 0) await rehomeLibraryCards(set, lib, this.stores)
    for (const key of appliedNow) applied.add(key)
    if (set.anyDamaged) applied.clear() // a stored doc was unreadable: rebuild it from the whole folder
    if (
      await compactOwn(state.folder, me, state.libraryId, listing, now, this.compactAfter).catch(() => false)
    ) {
      listing = await listFolder(state.folder)
      for (const f of listing.packs) if (f.device === me) applied.add(fileKey(f)) // all of it is in the docs
    }
    const announce = this.joining || report.sent > 0 || this.announceNext
    await finishPass(state, listing, applied, report, { now, announce, dataDir: lib.dataDir })
    this.announceNext = false
    await this.revs.compactIfLarge()
    this.joining = false
    return report
  }

  /** Step 1. Returns the notes no doc holds yet (they are converted or merged after the folder is read). */
  private async absorbLocal(
    set: DocSet,
    summaries: readonly NoteSummary[],
    known: Map<string, Note>,
    edits: ReadonlyMap<string, DocEdit>,
    now: string,
  ): Promise<string[]> {
    const { lib } = this
    const fresh: string[] = []
    const changed: string[] = []
    for (const s of summaries) {
      const rev = this.revs.revs.get(s.id)
      if (rev === -1) set.touched.add(s.id) // a remote change not fully written yet: the doc wins
      if (rev === -1 || (rev === s.revision && !edits.has(s.id))) continue
      const doc = await set.get(s.id)
      if (doc === 'damaged') continue
      if (doc) changed.push(s.id)
      else fresh.push(s.id)
    }
    await readNotes(lib, [...changed, ...fresh], known)
    for (const id of changed) {
      const doc = (await set.get(id)) as Y.Doc
      const note = known.get(id)
      if (!note) continue // removed meanwhile: the next pass records the delete
      set.capture(doc, () => {
        absorbNote(doc, syncedOf(note), this.state.deviceId)
        edits.get(id)?.(doc)
      })
      set.touched.add(id)
    }
    for (const [id, rev] of this.revs.revs) {
      if (!isNoteGuid(id) || lib.summaryOf(id)) continue
      const doc = await set.get(id)
      if (!(doc instanceof Y.Doc)) continue
      // Not in the library: deleted here — unless it is a remote note still waiting to be written.
      if (rev !== -1 && fateOf(doc) !== 'deleted') set.capture(doc, () => recordDelete(doc, now))
      set.touched.add(id)
    }
    await absorbLibraryDocs(set, this.revs, lib, this.stores, now, false)
    return fresh
  }

  /** Step 3: the one conversion of a note, or a merge by id with the copy the folder already has. */
  private async convertOrMerge(
    set: DocSet,
    fresh: string[],
    known: ReadonlyMap<string, Note>,
    edits: ReadonlyMap<string, DocEdit>,
  ) {
    for (const id of fresh) {
      const read = known.get(id)
      if (!read) continue // removed meanwhile
      const note = syncedOf(read)
      const edit = edits.get(id)
      const doc = await set.get(id)
      if (doc === 'damaged') continue
      if (doc === null) {
        const seeded = seedNoteDoc(note)
        set.addSeeded(seeded)
        if (edit) set.capture(seeded, () => edit(seeded))
        continue
      }
      // Both have it (two copies of one library): the more recently changed copy's differences are applied
      // as edits to the folder's doc; an older copy takes the folder's state.
      const theirs = deriveNote(doc, note).note
      set.capture(doc, () => {
        if (note.updatedAt > theirs.updatedAt) absorbNote(doc, note, this.state.deviceId)
        edit?.(doc)
      })
      set.touched.add(id)
    }
  }

  private refuseSeparateLibrary(folderGuids: Set<string>, mine: readonly NoteSummary[]): void {
    const theirs = [...folderGuids].filter(isNoteGuid)
    if (theirs.length === 0 || mine.length === 0 || mine.some((s) => folderGuids.has(s.id))) return
    throw new TicklerError(
      'CONFLICT',
      `The sync folder ${this.state.folder} holds a different library (${theirs.length} notes, none of them in this one, which has ${mine.length}). Nothing was changed. To combine the two libraries into one, run sync again with --merge; otherwise choose another folder.`,
    )
  }

  close(): void {
    this.revs.close()
  }
}
