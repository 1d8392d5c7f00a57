import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { createInterface, type Interface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundleChild } from './test-support/bundle-child'
import { useTempDirs } from './test-support/temp-dir'

const tempDir = useTempDirs()
const TRIALS = 200
const CONTENDERS = 4

interface Contender {
  child: ChildProcessWithoutNullStreams
  lines: Interface
  next: () => Promise<string>
}

/** A child process that stays up for every trial; each answer is its next line on stdout. */
function contender(script: string): Contender {
  const child = spawn(process.execPath, [script])
  const lines = createInterface({ input: child.stdout })
  const queue: string[] = []
  const waiting: ((line: string) => void)[] = []
  lines.on('line', (line) => (waiting.length ? waiting.shift()!(line) : queue.push(line)))
  const next = () => new Promise<string>((resolve) => (queue.length ? resolve(queue.shift()!) : waiting.push(resolve)))
  return { child, lines, next }
}

let contenders: Contender[] = []

beforeAll(async () => {
  const script = await bundleChild('lock-child.ts', tempDir())
  contenders = Array.from({ length: CONTENDERS }, () => contender(script))
  for (const c of contenders) expect(await c.next()).toBe('ready')
}, 60_000)

afterAll(() => {
  for (const c of contenders) c.child.kill()
})

describe('the library lock under a real race', () => {
  it(`${CONTENDERS} processes opening at the same instant over a stale lock: exactly one holds it, ${TRIALS} times`, async () => {
    const root = tempDir()
    // The pid of a process that has exited: the lock below is what a crashed app leaves behind.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid
    const outcomes: string[][] = []
    for (let trial = 0; trial < TRIALS; trial++) {
      const dir = join(root, String(trial))
      mkdirSync(dir)
      writeFileSync(join(dir, '.lock'), JSON.stringify({ pid: dead, holder: 'app', host: hostname(), since: '2020-01-01T00:00:00.000Z' }))
      // Far enough ahead that every contender has read its line and is spinning when the moment comes.
      const startAt = Date.now() + 25
      for (const c of contenders) c.child.stdin.write(`go ${dir} ${startAt}\n`)
      const answers = await Promise.all(contenders.map((c) => c.next()))
      outcomes.push(answers)
      // The takeover leaves nothing behind but the new lock.
      expect(readdirSync(dir)).toEqual(['.lock'])
    }
    const badTrials = outcomes
      .map((answers, trial) => ({ trial, answers }))
      .filter(({ answers }) => answers.filter((a) => a === 'held').length !== 1 || answers.some((a) => a !== 'held' && a !== 'refused'))
    expect(badTrials.length, `trials without exactly one holder: ${JSON.stringify(badTrials.slice(0, 5))}`).toBe(0)
  }, 180_000)
})

describe('what a crash mid-takeover leaves behind', () => {
  it('an empty lock, an abandoned takeover guard and a dead temp file do not keep the library locked', async () => {
    const { acquireLock } = await import('./lock')
    const dir = tempDir()
    const dead = spawnSync(process.execPath, ['-e', '0']).pid
    const deadTaker = JSON.stringify({ pid: dead, holder: 'cli', host: hostname(), since: new Date().toISOString() })
    writeFileSync(join(dir, '.lock'), '') // the power went out before the lock's bytes reached the disk
    writeFileSync(join(dir, `.lock.tmp-${dead}-abcd1234`), deadTaker)
    const release = acquireLock(dir, 'app')
    expect(readdirSync(dir)).toEqual(['.lock'])
    release()
    expect(readdirSync(dir)).toEqual([])

    writeFileSync(join(dir, '.lock'), deadTaker)
    const { createHash } = await import('node:crypto')
    const guard = `.lock.takeover-${createHash('sha256').update(deadTaker).digest('hex').slice(0, 16)}`
    writeFileSync(join(dir, guard), deadTaker) // its taker was killed between making the guard and removing it
    const again = acquireLock(dir, 'app')
    expect(readdirSync(dir)).toEqual(['.lock'])
    again()
  })
})
