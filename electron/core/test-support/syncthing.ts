import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { closeSync, openSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe } from 'vitest'
import { childrenOf, freePort } from './processes'
import { instanceConfig, type SyncthingDevice } from './syncthing-config'

const run = promisify(execFile)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Real Syncthing instances for tests: each with its own home in a temporary folder, all on 127.0.0.1
 * with ports picked here, sharing one folder. Sync engines are tested against what Syncthing really
 * does to a folder (temporary names, conflict copies, late delivery), not against a model of it.
 */
export interface SyncthingOptions {
  /** How many instances (2 or 3). */
  count?: number
  /** Receive limit in KiB/s on every instance, so a transfer lasts long enough to be seen mid-way. */
  maxRecvKbps?: number
}

export interface Syncthing {
  /** Each instance's synced folder, in instance order. */
  folders: string[]
  folderId: string
  deviceIds: string[]
  /** Cuts the link between instances a and b (both sides pause the other), as two laptops apart. */
  pause(a: number, b: number): Promise<void>
  resume(a: number, b: number): Promise<void>
  /** Whether instance a has a live connection to instance b. */
  connected(a: number, b: number): Promise<boolean>
  /** Makes instance i scan its folder now and resolves when the scan is done. */
  scan(i: number): Promise<void>
  /** Resolves once every instance has every other's files and nothing is left to pull; throws on timeout. */
  waitInSync(timeoutMs?: number): Promise<void>
  /** The running instances' pids and any process they started (none: the monitor is skipped). */
  processes(): Promise<number[]>
  stop(): Promise<void>
}

/** Why the Syncthing tests cannot run here, or null when they can. */
export function syncthingMissing(): string | null {
  try {
    execFileSync('sh', ['-c', 'command -v syncthing'], { stdio: 'ignore' })
    return null
  } catch {
    return 'syncthing is not installed (apt-get install syncthing)'
  }
}

/** A stuck instance is killed outright after this long (Syncthing exits on SIGTERM within a second or so). */
const STUCK_MS = 60_000
/** What starting may take: free ports, each instance's API, then every pair connected (a minute each at most). */
const START_MS = 150_000
/** What stopping may take: a stuck instance's wait, then removing the homes. */
const STOP_MS = STUCK_MS + 30_000

/**
 * Instances started before a describe block's tests and stopped after them, each hook given the time the
 * fixture itself may take (a stop under load outlasts the test runner's default hook timeout). `use`
 * receives them once started.
 */
export function useSyncthing(use: (s: Syncthing) => void, options: SyncthingOptions = {}): void {
  let started: Syncthing | undefined
  beforeAll(async () => {
    started = await startSyncthing(options)
    use(started)
  }, START_MS)
  afterAll(async () => started?.stop(), STOP_MS)
}

/** A describe block that runs against real Syncthing instances, or is skipped with the reason in its name. */
export function describeWithSyncthing(name: string, body: () => void): void {
  const missing = syncthingMissing()
  if (missing) describe.skip(`${name} (skipped: ${missing})`, body)
  else describe(name, body)
}

interface Instance {
  home: string
  folder: string
  device: SyncthingDevice
  guiPort: number
  apiKey: string
  child?: ChildProcess
  exited?: Promise<void>
}

/** A child that failed to spawn has no pid; one that exited has a code or a signal. */
const running = (child: ChildProcess | undefined) =>
  !!child?.pid && child.exitCode === null && child.signalCode === null

async function api(instance: Instance, method: 'GET' | 'POST', path: string): Promise<unknown> {
  const response = await fetch(`http://127.0.0.1:${instance.guiPort}${path}`, {
    method,
    headers: { 'X-API-Key': instance.apiKey },
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`Syncthing ${method} ${path}: ${response.status} ${text.trim()}`)
  return text ? JSON.parse(text) : null
}

async function logTail(instance: Instance): Promise<string> {
  const log = await readFile(join(instance.home, 'syncthing.log'), 'utf8').catch(() => '')
  return log.split('\n').slice(-8).join(' | ')
}

/** Waits until the REST API answers; false when the process died first (a port was taken). */
async function answers(instance: Instance, deadline: number): Promise<boolean> {
  while (Date.now() < deadline) {
    if (!running(instance.child)) return false
    try {
      await api(instance, 'GET', '/rest/system/ping')
      return true
    } catch {
      await sleep(100)
    }
  }
  throw new Error(`Syncthing in ${instance.home} did not answer: ${await logTail(instance)}`)
}

function launch(instance: Instance): void {
  const log = openSync(join(instance.home, 'syncthing.log'), 'a')
  // Output goes to a file: a pipe nobody reads would fill and stall Syncthing. --no-restart still runs
  // a monitor process that re-executes Syncthing as its child; STMONITORED tells Syncthing it is that
  // child already, so the pid spawned here is the one doing the work, and stopping it leaves no orphan.
  // (The monitor is always used: syncthing/docs#687.)
  const child = spawn(
    'syncthing',
    ['serve', `--home=${instance.home}`, '--no-browser', '--no-restart', '--no-upgrade'],
    {
      stdio: ['ignore', log, log],
      env: { ...process.env, STNOUPGRADE: '1', STNODEFAULTFOLDER: '1', STMONITORED: '1' },
    },
  )
  closeSync(log)
  instance.child = child
  instance.exited = new Promise((resolve) => {
    if (!running(child)) resolve()
    child.once('exit', () => resolve())
    child.once('error', () => resolve())
  })
}

async function writeConfigs(instances: Instance[], folderId: string, maxRecvKbps: number): Promise<void> {
  for (const i of instances) {
    i.device.port = await freePort()
    i.guiPort = await freePort()
  }
  const devices = instances.map((i) => i.device)
  for (const i of instances) {
    const xml = instanceConfig({
      self: i.device,
      devices,
      folderId,
      folderPath: i.folder,
      guiPort: i.guiPort,
      apiKey: i.apiKey,
      watcherDelayS: 1,
      maxRecvKbps,
    })
    await writeFile(join(i.home, 'config.xml'), xml)
  }
}

export async function startSyncthing(options: SyncthingOptions = {}): Promise<Syncthing> {
  const count = options.count ?? 2
  if (count < 2 || count > 3) throw new Error(`startSyncthing: 2 or 3 instances, not ${count}`)
  const root = await mkdtemp(join(tmpdir(), 'tickler-syncthing-'))
  const folderId = `tickler-${randomBytes(4).toString('hex')}`
  const instances: Instance[] = []
  try {
    for (let n = 0; n < count; n++) {
      const home = join(root, `home-${n}`)
      const folder = join(root, `folder-${n}`)
      await run('syncthing', ['generate', `--home=${home}`, '--no-default-folder', '--skip-port-probing'])
      const generated = await readFile(join(home, 'config.xml'), 'utf8')
      const id = /<device id="([A-Z0-9-]+)"/.exec(generated)?.[1]
      if (!id) throw new Error(`syncthing generate wrote no device id in ${home}`)
      // Syncthing refuses a folder without its marker (it takes that for an unmounted disk).
      await mkdir(join(folder, '.stfolder'), { recursive: true })
      instances.push({
        home,
        folder,
        device: { id, port: 0, name: `device-${n}` },
        guiPort: 0,
        apiKey: randomBytes(16).toString('hex'),
      })
    }
    for (let attempt = 0; ; attempt++) {
      await writeConfigs(instances, folderId, options.maxRecvKbps ?? 0)
      instances.forEach(launch)
      const deadline = Date.now() + 60_000
      const up = await Promise.all(instances.map((i) => answers(i, deadline)))
      if (up.every(Boolean)) break
      // Another process took a port between freePort() and the bind: stop all, pick again.
      await stopAll(instances)
      if (attempt >= 4)
        throw new Error(`Syncthing would not start: ${await logTail(instances[up.indexOf(false)]!)}`)
    }
  } catch (error) {
    await stopAll(instances)
    await rm(root, { recursive: true, force: true })
    throw error
  }
  const syncthing = handle(instances, folderId, root)
  try {
    await waitConnected(syncthing, count, Date.now() + 60_000)
  } catch (error) {
    await syncthing.stop()
    throw error
  }
  return syncthing
}

async function stopAll(instances: Instance[]): Promise<void> {
  await Promise.all(
    instances.map(async (i) => {
      if (!running(i.child)) return
      i.child!.kill('SIGTERM')
      const stuck = setTimeout(() => i.child!.kill('SIGKILL'), STUCK_MS)
      await i.exited
      clearTimeout(stuck)
    }),
  )
}

async function waitConnected(s: Syncthing, count: number, deadline: number): Promise<void> {
  for (let a = 0; a < count; a++)
    for (let b = a + 1; b < count; b++)
      while (!(await s.connected(a, b))) {
        if (Date.now() > deadline) throw new Error(`Syncthing instances ${a} and ${b} did not connect`)
        await sleep(200)
      }
}

interface Completion {
  completion: number
  needItems: number
  needDeletes: number
}
interface FolderStatus {
  state: string
  needTotalItems: number
  pullErrors: number
}

function handle(instances: Instance[], folderId: string, root: string): Syncthing {
  const at = (n: number) => {
    const i = instances[n]
    if (!i) throw new Error(`no Syncthing instance ${n}`)
    return i
  }
  const folder = encodeURIComponent(folderId)
  const link = async (a: number, b: number, action: 'pause' | 'resume') => {
    await api(at(a), 'POST', `/rest/system/${action}?device=${at(b).device.id}`)
    await api(at(b), 'POST', `/rest/system/${action}?device=${at(a).device.id}`)
  }
  const connected = async (a: number, b: number) => {
    const body = (await api(at(a), 'GET', '/rest/system/connections')) as {
      connections: Record<string, { connected: boolean; paused: boolean }>
    }
    const c = body.connections[at(b).device.id]
    return !!c && c.connected && !c.paused
  }
  const scan = async (n: number) => {
    // Synchronous: Syncthing answers once the scan is done, so nothing written before is missed.
    await api(at(n), 'POST', `/rest/db/scan?folder=${folder}`)
  }
  /** Every instance sees every other complete, and none has anything left to pull. */
  const inSync = async () => {
    for (let a = 0; a < instances.length; a++) {
      const status = (await api(at(a), 'GET', `/rest/db/status?folder=${folder}`)) as FolderStatus
      if (status.state !== 'idle' || status.needTotalItems > 0) return false
      for (let b = 0; b < instances.length; b++) {
        if (a === b) continue
        const path = `/rest/db/completion?folder=${folder}&device=${at(b).device.id}`
        const c = (await api(at(a), 'GET', path)) as Completion
        if (c.completion < 100 || c.needItems > 0 || c.needDeletes > 0) return false
      }
    }
    return true
  }
  return {
    folders: instances.map((i) => i.folder),
    folderId,
    deviceIds: instances.map((i) => i.device.id),
    pause: (a, b) => link(a, b, 'pause'),
    resume: (a, b) => link(a, b, 'resume'),
    connected,
    scan,
    async waitInSync(timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs
      await waitConnected(this, instances.length, deadline)
      for (let n = 0; n < instances.length; n++) await scan(n)
      // Twice in a row: one look can fall between a peer's index update and the pull it starts.
      for (let streak = 0; streak < 2;) {
        if (Date.now() > deadline) throw new Error(`Syncthing folders not in sync after ${timeoutMs} ms`)
        streak = (await inSync()) ? streak + 1 : 0
        await sleep(250)
      }
    },
    async processes() {
      const pids = instances.filter((i) => running(i.child)).map((i) => i.child!.pid!)
      // Without its monitor Syncthing forks nothing; listed anyway, so a stop test would see a stray.
      return [...pids, ...(await Promise.all(pids.map(childrenOf))).flat()]
    },
    async stop() {
      // By pid, waiting for every process to exit before removing the homes it writes its database in.
      await stopAll(instances)
      await rm(root, { recursive: true, force: true })
    },
  }
}
