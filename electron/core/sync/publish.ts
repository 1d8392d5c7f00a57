import { SYNC_FORMAT } from './envelope'
import { MANIFEST, writeAtomic, type FolderListing } from './folder'
import { Manifest } from './packs'
import { missingFiles, pruneApplied, readManifests } from './read-plan'
import { saveState, type SyncState } from './state'

interface PassOutcome {
  problems: SyncState['problems']
  waiting: number
}

/**
 * The end of a pass: this device's manifest (when it published something or has just joined), then the
 * state — what was applied, the devices seen, what is still waited for — recorded for the next pass and
 * for `tickler status`.
 */
export async function finishPass(
  state: SyncState,
  listing: FolderListing,
  applied: ReadonlySet<string>,
  outcome: PassOutcome,
  options: { now: string; announce: boolean; dataDir: string },
): Promise<void> {
  const me = state.deviceId
  if (options.announce) {
    const manifest: Manifest = {
      format: SYNC_FORMAT,
      libraryId: state.libraryId,
      device: me,
      name: state.deviceName,
      updatedAt: options.now,
      files: listing.packs.filter((f) => f.device === me).map((f) => f.name),
    }
    await writeAtomic(state.folder, me, MANIFEST, Buffer.from(JSON.stringify(Manifest.parse(manifest))))
  }
  const manifests = await readManifests(
    state.folder,
    listing.devices.filter((d) => d !== me),
  )
  const kept = pruneApplied(listing, applied)
  outcome.waiting += missingFiles(listing, manifests, new Set(kept))
  state.applied = kept
  state.devices = Object.fromEntries(
    [...manifests].map(([id, m]) => [id, { name: m.name, updatedAt: m.updatedAt }]),
  )
  state.problems = outcome.problems.slice(0, 1000)
  state.waiting = outcome.waiting
  state.lastSyncAt = options.now
  await saveState(options.dataDir, state)
}
