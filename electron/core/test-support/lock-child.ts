// One contender in the lock race: on each "go <dir> <startAt>" line it spins until the shared start
// time (so every contender calls acquireLock in the same instant), then prints "held" or "refused".
import { createInterface } from 'node:readline'
import { acquireLock } from '../lock'

const lines = createInterface({ input: process.stdin })
process.stdout.write('ready\n')
for await (const line of lines) {
  const [, dir, startAt] = line.split(' ')
  while (Date.now() < Number(startAt)) {
    /* spin: a timer would add milliseconds of jitter between the contenders */
  }
  try {
    acquireLock(dir!, 'race')
    process.stdout.write('held\n')
  } catch (error) {
    const code = (error as { code?: string }).code
    process.stdout.write(code === 'LOCKED' ? 'refused\n' : `error ${(error as Error).message}\n`)
  }
}
