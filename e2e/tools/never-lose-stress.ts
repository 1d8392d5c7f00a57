/**
 * `npx tsx e2e/tools/never-lose-stress.ts [--runs 20] [--cpu 6]`: the never-lose spec, run that many times
 * one after another with Chromium's CPU throttled (CDP `Emulation.setCPUThrottlingRate`), no retries.
 * Prints how many runs kept every edit, what the failures said, and the machine's load meanwhile.
 * For looking at, not asserting: a slow machine is where a lost edit shows up.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, readFile } from 'node:fs/promises'
import { loadavg, tmpdir, cpus } from 'node:os'
import { join } from 'node:path'
import { stripVTControlCharacters } from 'node:util'

const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name)
  return at >= 0 ? Number(process.argv[at + 1]) : fallback
}
const runs = option('--runs', 20)
const cpu = option('--cpu', 6)
const report = join(await mkdtemp(join(tmpdir(), 'tickler-stress-')), 'report.json')

const loadBefore = loadavg()
const started = Date.now()
const exitCode = await new Promise<number | null>((done) => {
  const child = spawn(
    'npx',
    [
      'playwright',
      'test',
      'e2e/specs/never-lose.spec.ts',
      '--project',
      'preview',
      '--repeat-each',
      String(runs),
      '--workers',
      '1',
      '--retries',
      '0',
      '--reporter',
      'json',
    ],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, CI: '', TICKLER_CPU_THROTTLE: String(cpu), PLAYWRIGHT_JSON_OUTPUT_NAME: report },
    },
  )
  child.on('exit', done)
})
const loadAfter = loadavg()

interface Result {
  status: string
  duration: number
  error?: { message?: string }
}
interface Spec {
  title: string
  tests: { results: Result[] }[]
}
interface Suite {
  specs?: Spec[]
  suites?: Suite[]
}
const specs = (suite: Suite): Spec[] => [...(suite.specs ?? []), ...(suite.suites ?? []).flatMap(specs)]
const json = JSON.parse(await readFile(report, 'utf8')) as { suites: Suite[] }

const byTest = new Map<string, { passed: number; failed: number; ms: number[]; errors: string[] }>()
for (const spec of json.suites.flatMap(specs)) {
  const row = byTest.get(spec.title) ?? { passed: 0, failed: 0, ms: [], errors: [] }
  for (const result of spec.tests.flatMap((t) => t.results)) {
    row.ms.push(result.duration)
    if (result.status === 'passed') row.passed++
    else {
      row.failed++
      // First line of the assertion, without terminal colours.
      row.errors.push(stripVTControlCharacters(result.error?.message ?? result.status).split('\n')[0]!)
    }
  }
  byTest.set(spec.title, row)
}
const round = (n: number) => Math.round(n * 100) / 100
console.log(
  JSON.stringify(
    {
      runs,
      cpuThrottle: cpu,
      playwrightExit: exitCode,
      wallSeconds: Math.round((Date.now() - started) / 1000),
      machine: { cores: cpus().length, load1Before: round(loadBefore[0]!), load1After: round(loadAfter[0]!) },
      tests: [...byTest].map(([title, r]) => ({
        title,
        passed: r.passed,
        failed: r.failed,
        medianSeconds: round([...r.ms].sort((a, b) => a - b)[Math.floor(r.ms.length / 2)]! / 1000),
        errors: r.errors,
      })),
    },
    null,
    2,
  ),
)
