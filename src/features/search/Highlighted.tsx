import { segments } from './highlight'

/** Text with the search matches wrapped in <mark>. */
export function Highlighted({ text, matches }: { text: string; matches: readonly string[] }) {
  return (
    <>{segments(text, matches).map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : part.text))}</>
  )
}
