import type { NoteDoc } from '../../shared/model'

/** mulberry32: a tiny seeded PRNG, so every bench run on every machine sees the same corpus. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tor', 'va', 'sel', 'din', 'qua', 'bri', 'pel', 'nox', 'tu', 'gar', 'fen']
const HANGUL = ['후속', '조치', '견적', '회신', '고객', '미팅', '계약', '확인', '일정', '보고', '제안', '검토', '발송', '요청']
const PARTICLES = ['', '를', '을', '에', '의', '는', '이', '가', '에서', '으로', '와', '도']
const HANZI = '我们认证了系统客户会议报价合同确认日程提案审核发送请求市场销售服务数据管理'
const KANA = 'フォローアップ見積り確認会議契約顧客提案営業報告'

/** A Zipf-like vocabulary: word rank r is drawn with probability ∝ 1/r, as in real text. */
function vocabulary(random: () => number, size: number): string[] {
  const words = new Set<string>()
  while (words.size < size) {
    const n = 1 + Math.floor(random() * 3.2)
    let word = ''
    for (let i = 0; i < n; i++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)]
    words.add(word)
  }
  return [...words]
}

function zipfSampler(random: () => number, size: number): () => number {
  const cumulative: number[] = []
  let total = 0
  for (let r = 1; r <= size; r++) cumulative.push((total += 1 / r))
  return () => {
    const x = random() * total
    let lo = 0
    let hi = size - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cumulative[mid]! < x) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

export interface CorpusNote {
  title: string
  text: string
  language: 'en' | 'ko' | 'zh' | 'ja'
}

/**
 * Deterministic notes shaped like real ones: lengths log-normal around a median of ~120 words with a
 * long tail, about 20% Korean and 5% Chinese/Japanese.
 */
export function* corpus(count: number, seed = 42): Generator<CorpusNote> {
  const random = rng(seed)
  const words = vocabulary(random, 20_000)
  const pick = zipfSampler(random, words.length)
  const gaussian = () => Math.sqrt(-2 * Math.log(random() || 1e-9)) * Math.cos(2 * Math.PI * random())
  for (let i = 0; i < count; i++) {
    const roll = random()
    const language = roll < 0.2 ? 'ko' : roll < 0.225 ? 'zh' : roll < 0.25 ? 'ja' : 'en'
    const length = Math.max(3, Math.round(Math.exp(Math.log(120) + 0.8 * gaussian())))
    const word = (): string => {
      if (language === 'ko' && random() < 0.7) {
        return HANGUL[pick() % HANGUL.length]! + HANGUL[pick() % HANGUL.length]! + PARTICLES[pick() % PARTICLES.length]!
      }
      if ((language === 'zh' || language === 'ja') && random() < 0.7) {
        const source = language === 'zh' ? HANZI : KANA
        const start = Math.floor(random() * (source.length - 4))
        return source.slice(start, start + 2 + Math.floor(random() * 3))
      }
      return words[pick()]!
    }
    const body: string[] = []
    for (let w = 0; w < length; w++) body.push(word())
    const title = Array.from({ length: 2 + Math.floor(random() * 4) }, word).join(' ')
    yield { title, text: body.join(' '), language }
  }
}

export function paragraphsDoc(text: string): NoteDoc {
  const words = text.split(' ')
  const content: NoteDoc['content'] = []
  for (let i = 0; i < words.length; i += 60) {
    content.push({ type: 'paragraph', content: [{ type: 'text', text: words.slice(i, i + 60).join(' ') }] })
  }
  return { type: 'doc', content }
}
