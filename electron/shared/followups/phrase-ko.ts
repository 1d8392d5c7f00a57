import { addDays, wallAt, type Wall } from './zone'

/**
 * Korean follow-up phrases, which chrono-node has no locale for: 내일, 모레, 3일 후, 다음 주 월요일,
 * 이번 주 금요일 오후 3시, 12월 3일 오전 10시 반, 두 시간 뒤. The whole phrase must be read, otherwise it is
 * refused (null) — a partial read would silently drop what the user typed.
 */

export interface KoReading {
  /** An elapsed-time phrase (시간/분 후) is an instant; everything else is a wall time in the zone. */
  instant?: Date
  wall?: Wall
  /** The phrase named a day but no time, so the caller applies its default hour. */
  dateOnly: boolean
  /** A weekday was named without a week (금요일): a past result moves on by a week. */
  weekdayOnly: boolean
  /** Only a time was named (오후 3시): a past result moves to tomorrow. */
  timeOnly: boolean
  /** A month and day without a year: a past result moves to next year. */
  yearless: boolean
}

const NATIVE: Record<string, number> = {
  한: 1,
  하나: 1,
  두: 2,
  둘: 2,
  세: 3,
  셋: 3,
  네: 4,
  넷: 4,
  다섯: 5,
  여섯: 6,
  일곱: 7,
  여덟: 8,
  아홉: 9,
  열: 10,
  열한: 11,
  열하나: 11,
  열두: 12,
  열둘: 12,
}
const NATIVE_RE = '열한|열하나|열두|열둘|하나|다섯|여섯|일곱|여덟|아홉|한|두|둘|세|셋|네|넷|열'
const num = (s: string): number => (/^\d+$/.test(s) ? Number(s) : (NATIVE[s] ?? NaN))

const DAY_WORDS: Record<string, number> = {
  오늘: 0,
  금일: 0,
  내일: 1,
  명일: 1,
  모레: 2,
  내일모레: 2,
  글피: 3,
}
const COUNTED_DAYS: Record<string, number> = { 하루: 1, 이틀: 2, 사흘: 3, 나흘: 4, 닷새: 5, 일주일: 7 }
const WEEKDAY: Record<string, number> = { 일: 0, 월: 1, 화: 2, 수: 3, 목: 4, 금: 5, 토: 6 }
/** Hours a period word alone means, and whether a bare hour after it is in the afternoon. */
const PERIOD: Record<string, { hour: number; pm: boolean }> = {
  새벽: { hour: 6, pm: false },
  아침: { hour: 9, pm: false },
  오전: { hour: 9, pm: false },
  낮: { hour: 12, pm: true },
  점심: { hour: 12, pm: true },
  오후: { hour: 14, pm: true },
  저녁: { hour: 18, pm: true },
  밤: { hour: 21, pm: true },
}

type Day = { y: number; m: number; d: number }
interface State {
  rest: string
  day?: Day
  keepTime?: boolean
  weekdayOnly?: boolean
  yearless?: boolean
  time?: { hour: number; minute: number }
  instant?: Date
}

/** Consumes `re` (anchored at the start of what is left) and returns its groups, or null. */
function take(state: State, re: RegExp): RegExpMatchArray | null {
  const m = state.rest.match(new RegExp(`^(?:${re.source})\\s*`))
  if (!m) return null
  state.rest = state.rest.slice(m[0].length)
  return m
}

export function readKorean(phrase: string, now: Date, timeZone: string): KoReading | null {
  const today = wallAt(now, timeZone)
  const dayPlus = (n: number): Day => {
    const w = wallAt(addDays(now, n, timeZone), timeZone)
    return { y: w.year, m: w.month, d: w.day }
  }
  const s: State = { rest: phrase.trim().replace(/\s+/g, ' ') }

  // Elapsed time: "두 시간 후", "30분 뒤", "1시간 30분 후". Nothing may follow but a particle.
  const elapsed = take(s, new RegExp(`(?:(\\d+|${NATIVE_RE}) ?시간)? ?(?:(\\d+) ?분)? ?(?:후|뒤|있다가)`))
  if (elapsed && (elapsed[1] || elapsed[2])) {
    const minutes = (elapsed[1] ? num(elapsed[1]) * 60 : 0) + (elapsed[2] ? Number(elapsed[2]) : 0)
    s.instant = new Date(now.getTime() + minutes * 60_000)
  } else if (elapsed) {
    return null
  } else {
    readDay(s, today, dayPlus)
    readTime(s)
  }
  take(s, /에|까지|쯤|경|중|중에/)
  s.rest = s.rest.replace(/[.!?,~]+$/, '').trim()
  if (s.rest !== '' || (!s.day && !s.time && !s.instant)) return null
  if (s.instant)
    return { instant: s.instant, dateOnly: false, weekdayOnly: false, timeOnly: false, yearless: false }

  const day = s.day ?? { y: today.year, m: today.month, d: today.day }
  const time = s.time ?? (s.keepTime ? { hour: today.hour, minute: today.minute } : undefined)
  const wall: Wall = {
    year: day.y,
    month: day.m,
    day: day.d,
    hour: time?.hour ?? 0,
    minute: time?.minute ?? 0,
  }
  if (!isRealDate(wall)) return null
  return {
    wall,
    dateOnly: time === undefined,
    weekdayOnly: s.weekdayOnly ?? false,
    timeOnly: !s.day,
    yearless: s.yearless ?? false,
  }
}

function readDay(s: State, today: Wall & { weekday: number }, dayPlus: (n: number) => Day): void {
  let m = take(s, /(내일모레|오늘|금일|내일|명일|모레|글피)/)
  if (m) return void (s.day = dayPlus(DAY_WORDS[m[1]!]!))
  m = take(
    s,
    new RegExp(`(하루|이틀|사흘|나흘|닷새|일주일|(\\d+|${NATIVE_RE}) ?(일|주|주일|개월|달)) ?(?:후|뒤)`),
  )
  if (m) {
    s.keepTime = true
    if (m[2] === undefined) return void (s.day = dayPlus(COUNTED_DAYS[m[1]!]!))
    const n = num(m[2])
    if (m[3] === '개월' || m[3] === '달') {
      // Same day of the month n months on; Date normalises 31 → next month's overflow, which we refuse.
      const target = { y: today.year, m: today.month + n, d: today.day }
      s.day = { y: target.y + Math.floor((target.m - 1) / 12), m: ((target.m - 1) % 12) + 1, d: target.d }
      return
    }
    return void (s.day = dayPlus(m[3] === '일' ? n : n * 7))
  }
  // Weeks run Monday to Sunday, as Korean calendars print them.
  m = take(s, /(이번 ?주|금주|다음 ?주|담주|차주|다다음 ?주)(?: ?([월화수목금토일])(?:요일)?)?/)
  if (m) {
    const weeks = /다다음/.test(m[1]!) ? 2 : /이번|금주/.test(m[1]!) ? 0 : 1
    if (m[2] === undefined) {
      if (weeks === 0) return void (s.rest = `?${s.rest}`) // "이번 주" alone names no day: unreadable
      s.keepTime = true
      return void (s.day = dayPlus(7 * weeks))
    }
    const mondayOffset = -((today.weekday + 6) % 7)
    const target = (WEEKDAY[m[2]]! + 6) % 7 // 0 = Monday
    return void (s.day = dayPlus(mondayOffset + 7 * weeks + target))
  }
  m = take(s, /([월화수목금토일])요일/)
  if (m) {
    s.weekdayOnly = true
    return void (s.day = dayPlus((WEEKDAY[m[1]!]! - today.weekday + 7) % 7))
  }
  m = take(s, /(이번 ?달|다음 ?달) ?(\d{1,2}) ?일/)
  if (m) {
    const month = today.month + (m[1]!.startsWith('다음') ? 1 : 0)
    return void (s.day = { y: today.year + (month > 12 ? 1 : 0), m: month > 12 ? 1 : month, d: Number(m[2]) })
  }
  m = take(s, /(?:(\d{4}) ?년 ?)?(\d{1,2}) ?월 ?(\d{1,2}) ?일/)
  if (m) {
    s.yearless = m[1] === undefined
    return void (s.day = { y: m[1] ? Number(m[1]) : today.year, m: Number(m[2]), d: Number(m[3]) })
  }
  m = take(s, /(\d{4})[-./](\d{1,2})[-./](\d{1,2})\.?/)
  if (m) s.day = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) }
}

function readTime(s: State): void {
  if (take(s, /정오/)) return void (s.time = { hour: 12, minute: 0 })
  const periodMatch = take(s, /(새벽|아침|오전|낮|점심|오후|저녁|밤)/)
  const period = periodMatch ? PERIOD[periodMatch[1]!] : undefined
  let hour: number | undefined
  let minute = 0
  let m = take(s, /(\d{1,2}):(\d{2})/)
  if (m) {
    hour = Number(m[1])
    minute = Number(m[2])
  } else if ((m = take(s, new RegExp(`(\\d{1,2}|${NATIVE_RE}) ?시(?: ?(반|(\\d{1,2}) ?분))?`)))) {
    hour = num(m[1]!)
    minute = m[2] === '반' ? 30 : m[3] ? Number(m[3]) : 0
  }
  if (hour === undefined) {
    if (period) s.time = { hour: period.hour, minute: 0 }
    return
  }
  if (hour > 24 || minute > 59) return void (s.rest = `?${s.rest}`)
  if (period?.pm && hour < 12) hour += 12
  else if (period && !period.pm && hour === 12) hour = 0
  // Without 오전/오후, "3시" in a work context means 3 pm: hours 1–6 are read as the afternoon.
  else if (!period && hour >= 1 && hour <= 6) hour += 12
  s.time = { hour: hour % 24, minute }
}

function isRealDate(w: Wall): boolean {
  if (w.month < 1 || w.month > 12 || w.day < 1) return false
  const last = new Date(Date.UTC(2000, w.month, 0))
  last.setUTCFullYear(w.year, w.month, 0)
  return w.day <= last.getUTCDate()
}
