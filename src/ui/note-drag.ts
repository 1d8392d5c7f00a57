/** The drag payload for notes dragged from the list: a private type, so other drops are ignored. */
export const NOTES_MIME = 'application/x-tickler-notes'

export function readDraggedIds(data: DataTransfer): string[] {
  try {
    const ids: unknown = JSON.parse(data.getData(NOTES_MIME) || '[]')
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : []
  } catch {
    return []
  }
}

export const carriesNotes = (data: DataTransfer) => data.types.includes(NOTES_MIME)
