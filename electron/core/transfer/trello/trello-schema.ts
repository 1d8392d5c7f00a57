import { z } from 'zod'

/** Only the fields the import uses; everything else in an export (prefs, limits, plugins) is ignored. */
const str = z
  .string()
  .nullish()
  .transform((v) => v ?? '')
const Label = z.object({ id: z.string(), name: str, color: str }).loose()

export const TrelloBoard = z
  .object({
    name: z.string(),
    lists: z
      .array(
        z
          .object({
            id: z.string(),
            name: str,
            closed: z.boolean().default(false),
            pos: z.number().default(0),
          })
          .loose(),
      )
      .default([]),
    cards: z
      .array(
        z
          .object({
            id: z.string(),
            name: str,
            desc: str,
            idList: z.string(),
            closed: z.boolean().default(false),
            pos: z.number().default(0),
            due: z.string().nullish(),
            dueComplete: z.boolean().default(false),
            idLabels: z.array(z.string()).default([]),
            labels: z.array(Label).default([]),
            dateLastActivity: z.string().nullish(),
            attachments: z
              .array(z.object({ name: str, url: str, isUpload: z.boolean().optional() }).loose())
              .default([]),
          })
          .loose(),
      )
      .default([]),
    labels: z.array(Label).default([]),
    checklists: z
      .array(
        z
          .object({
            id: z.string(),
            idCard: z.string(),
            name: str,
            pos: z.number().default(0),
            checkItems: z
              .array(z.object({ name: str, state: str, pos: z.number().default(0) }).loose())
              .default([]),
          })
          .loose(),
      )
      .default([]),
    actions: z
      .array(
        z
          .object({
            type: z.string(),
            date: z.string(),
            data: z
              .object({ text: z.string().optional(), card: z.object({ id: z.string() }).loose().optional() })
              .loose()
              .default({}),
            memberCreator: z.object({ fullName: str }).loose().nullish(),
          })
          .loose(),
      )
      .default([]),
  })
  .loose()
export type TrelloBoard = z.infer<typeof TrelloBoard>
export type TrelloCard = TrelloBoard['cards'][number]
