import { ImportFault, type SourceContext } from '../source'

/** Placeholder until the Trello reader lands: refuses clearly instead of importing nothing silently. */
export async function importTrello(_path: string, _ctx: SourceContext): Promise<{ id: string; name: string } | null> {
  throw new ImportFault('Trello import is not available yet')
}
