/**
 * Where a JSON text first goes wrong, as a character offset. JSON.parse says "at position N" for some
 * faults but not for others (Node 20: "Unexpected token '}', ..."), and a person needs a line and a
 * column either way. A recursive-descent check over the same grammar, run only after JSON.parse failed.
 */
class Fault extends Error {
  constructor(readonly at: number) {
    super('json fault')
  }
}

export function jsonFaultOffset(text: string): number {
  let i = 0
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++
  }
  const fail = (): never => {
    throw new Fault(i)
  }
  const expect = (c: string) => (text[i] === c ? i++ : fail())
  const string = () => {
    expect('"')
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++
      else if (text.charCodeAt(i) < 0x20) fail()
      i++
    }
    expect('"')
  }
  const value = (depth: number): void => {
    if (depth > 10_000) fail()
    ws()
    const c = text[i]
    if (c === '{') {
      i++
      ws()
      if (text[i] === '}') return void i++
      for (;;) {
        ws()
        string()
        ws()
        expect(':')
        value(depth + 1)
        ws()
        if (text[i] === ',') i++
        else return void expect('}')
      }
    }
    if (c === '[') {
      i++
      ws()
      if (text[i] === ']') return void i++
      for (;;) {
        value(depth + 1)
        ws()
        if (text[i] === ',') i++
        else return void expect(']')
      }
    }
    if (c === '"') return string()
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      text.slice(i, i + 400),
    )
    if (!literal) fail()
    i += literal![0].length
  }
  try {
    value(0)
    ws()
    return i < text.length ? i : text.length
  } catch (error) {
    return error instanceof Fault ? error.at : text.length
  }
}
