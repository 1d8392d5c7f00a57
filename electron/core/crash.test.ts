import { spawn } from 'node:child_process'
import { readFileSync, readdirSync, unlinkSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { openLibrary } from './library'
import { rng } from './bench/corpus'
import { bundleChild } from './test-support/bundle-child'
import { useTempDirs } from './test-support/temp-dir'

const tempDir = useTempDirs()
const TRIALS = 50
let childScript = ''

beforeAll(async () => {
  childScript = await bundleChild('crash-child.ts', tempDir())
})

/** Runs the saving child until it is SIGKILLed `delayMs` after it is ready; returns what it acknowledged. */
function runUntilKilled(dir: string, startSeq: number, delayMs: number): Promise<Map<string, number>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, dir, String(startSeq)], { stdio: ['ignore', 'pipe', 'pipe'] })
    const acked = new Map<string, number>()
    let buffer = ''
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      let newline: number
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline)
        buffer = buffer.slice(newline + 1)
        if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), delayMs)
        const [word, id, seq] = line.split(' ')
        if (word === 'ack') acked.set(id!, Number(seq))
      }
    })
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(acked) : reject(new Error(`child ended by itself: ${stderr}`)),
    )
  })
}

describe('a save reported as done survives kill -9', () => {
  it(`holds over ${TRIALS} random kills`, async () => {
    const dir = tempDir()
    const random = rng(2024)
    const expected = new Map<string, number>()
    let seq = 0
    let totalAcks = 0
    for (let trial = 0; trial < TRIALS; trial++) {
      const acked = await runUntilKilled(dir, seq, 5 + Math.floor(random() * 120))
      totalAcks += acked.size
      for (const [id, s] of acked) expected.set(id, s)
      seq = Math.max(seq, ...acked.values()) + 1000

      // Every file parses, nothing is reported corrupt, and every acknowledged save is there.
      const lib = await openLibrary(dir, { holder: 'verifier' })
      expect(lib.report.corrupt).toEqual([])
      const listed = new Map(lib.listNotes().map((s) => [s.id, s.title]))
      for (const [id, ackedSeq] of expected) {
        const note = await lib.getNote(id)
        const storedSeq = Number(note.title.split(' ')[1])
        expect(storedSeq, `note ${id} lost save ${ackedSeq}`).toBeGreaterThanOrEqual(ackedSeq)
        expect(note.text.split(' ').slice(0, 2)).toEqual(['save', String(storedSeq)]) // title and body from one save
        expect(listed.get(id), 'the list must show what the file holds').toBe(note.title)
        expected.set(id, storedSeq)
      }
      for (const name of readdirSync(join(dir, 'notes'))) {
        expect(() => JSON.parse(readFileSync(join(dir, 'notes', name), 'utf8'))).not.toThrow()
      }
      // Half the time close cleanly (fresh snapshot), half the time leave it as a crash would.
      if (trial % 2 === 0) await lib.close()
      else unlinkSync(join(dir, '.lock'))
    }
    expect(totalAcks).toBeGreaterThan(TRIALS) // the kills really landed mid-stream
  }, 120_000)
})
