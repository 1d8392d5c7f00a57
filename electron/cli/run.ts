import { parseArgs } from 'node:util'
import { TicklerError } from '../shared/rpc'
import { defaultDataDir } from '../core'
import { add, list, show, type Context } from './commands'
import { bench, mailBench, zipBombBench } from './bench-command'
import { search } from './search-command'
import { searchBench } from './search-bench-command'
import { syncBench } from './sync-bench-command'
import { seed } from './seed-command'
import { done, due, followup, log, snooze } from './followup-commands'
import { ics } from './ics-command'
import { mailCommand } from './mail-commands'
import { UsageError, processIo, type Io } from './io'
import { enexBench, exportCommand, importCommand } from './transfer-commands'
import { append, status, sync } from './sync-commands'

const HELP = `Usage: tickler <command> [options]

Commands:
  add <text> [--title T] [--notebook N] [--tag t ...]   add a note (first line is the title unless --title)
  list [--notebook N]                                   list notes, newest first
  show <id>                                             print one note
  bench --notes N                                       measure saves and library open on N notes
  bench --notes N --search [--corpus DIR]               measure search against MiniSearch, FlexSearch and SQLite FTS5
  search "<query>" [--limit N]                          find notes ("tag:x", "-word", "a OR b", "updated:>2025-01-01")
  import <file.enex|board.json> [--notebook N] [--allow-duplicate] [--rollback]
                                                        import an Evernote export or a Trello board
  export --markdown <dir>                               the whole library as Markdown, a folder per notebook
  export --markdown|--html <dir> --notebook N           one notebook as Markdown or HTML, attachments/ beside it
  import <file.md|dir|export.zip> [--notebook N]        import Markdown (headings, lists, checklists, code, tables, pictures)
  bench --enex-gb N                                     stream a generated N GB ENEX; prints time and peak memory
  bench --enex-notes N                                  the same with N text notes (the per-note cost)
  seed --notes N --data-dir DIR                         write the benches' deterministic N-note library into DIR
  bench --zip-bomb-gb N                                 import a zip of N GB of zeros (CLI and preview); prints peak memory
  bench --sync [--notes N]                              a second device joins an N-note library through a sync folder
  bench --mail [--messages N] [--replies R]             against a Dovecot it starts: first scan of an N-message Sent folder
                                                        (time, peak RSS, also at N/10) and reply → done while IDLE (p95)
  followup <id> --at "<when>" [--waiting-on NAME] [--standard NAME]
                                                        set a follow-up ("tomorrow 9am", "내일 오후 3시", "48h")
  due                                                   overdue follow-ups and those due today (as of --now)
  done <id>                                             mark a note done; its follow-up stops
  snooze <id> --for "<when>"                            move the follow-up ("2h", "tomorrow morning")
  log <id>                                              record a follow-up attempt; the next is scheduled by its standard
  ics [--out FILE]                                      open follow-ups as an iCalendar (.ics) feed
  mail add --host H [--port P] --user U --password-env NAME [--starttls] [--ca FILE] [--track-external]
           [--email ADDR] [--folder NAME] [--password-file FILE]
                                                        track sent mail over IMAP (TLS on 993 unless --starttls;
                                                        the password is read from NAME at every check, never stored)
  mail check --once [<account>]                         connect, catch up, apply, exit (without --once: keep watching)
  mail list                                             mail accounts and their state
  mail remove <account>                                 forget an account (notes made from its mail stay)
  sync --folder DIR [--device NAME] [--merge] [--once]  sync through a folder Syncthing, Dropbox, OneDrive… keep equal
                                                        (--merge: combine with a different library found there)
  append <id> "<text>"                                  add a paragraph at the end of a note (merges with other devices)
  status                                                the library's size and sync state (--json for scripts)

Global options:
  --data-dir DIR   library folder (default: the app's, or $TICKLER_DATA_DIR)
  --json           machine-readable output on stdout
  --now TIME       treat this ISO 8601 instant as now
  --tz ZONE        time zone for follow-up phrases and times (default: the system's)
  -h, --help       this help`

const COMMANDS: Record<string, (ctx: Context) => Promise<void>> = {
  add,
  list,
  show,
  // --search selects the search benchmark; the save benchmark stays the default.
  bench: (ctx) =>
    ctx.values.search
      ? searchBench(ctx)
      : ctx.values['enex-gb'] || ctx.values['enex-notes']
        ? enexBench(ctx)
        : ctx.values['zip-bomb-gb'] || ctx.values['zip-bomb-file']
          ? zipBombBench(ctx)
          : ctx.values.mail
            ? mailBench(ctx)
            : ctx.values.sync
              ? syncBench(ctx)
              : bench(ctx),
  import: importCommand,
  export: exportCommand,
  search,
  followup,
  due,
  done,
  snooze,
  log,
  ics,
  mail: mailCommand,
  seed,
  sync,
  append,
  status,
}

/** Runs one CLI invocation and returns its exit code; never calls process.exit, so tests can drive it. */
export async function run(argv: string[], io: Io = processIo, env = process.env): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        json: { type: 'boolean', default: false },
        now: { type: 'string' },
        title: { type: 'string' },
        notebook: { type: 'string' },
        tag: { type: 'string', multiple: true },
        notes: { type: 'string' },
        limit: { type: 'string' },
        search: { type: 'boolean', default: false },
        mail: { type: 'boolean', default: false },
        sync: { type: 'boolean', default: false },
        messages: { type: 'string' },
        replies: { type: 'string' },
        corpus: { type: 'string' },
        'enex-gb': { type: 'string' },
        'enex-notes': { type: 'string' },
        'zip-bomb-gb': { type: 'string' },
        'zip-bomb-file': { type: 'string' },
        via: { type: 'string' },
        markdown: { type: 'string' },
        html: { type: 'string' },
        'allow-duplicate': { type: 'boolean', default: false },
        rollback: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        at: { type: 'string' },
        for: { type: 'string' },
        'waiting-on': { type: 'string' },
        standard: { type: 'string' },
        tz: { type: 'string' },
        out: { type: 'string' },
        host: { type: 'string' },
        port: { type: 'string' },
        user: { type: 'string' },
        email: { type: 'string' },
        label: { type: 'string' },
        folder: { type: 'string' },
        'password-env': { type: 'string' },
        'password-file': { type: 'string' },
        starttls: { type: 'boolean', default: false },
        ca: { type: 'string' },
        'track-external': { type: 'boolean', default: false },
        once: { type: 'boolean', default: false },
        device: { type: 'string' },
        merge: { type: 'boolean', default: false },
      },
    })
    const [command, ...rest] = positionals
    if (values.help || !command) {
      io.out(HELP)
      return command || values.help ? 0 : 2
    }
    const handler = COMMANDS[command]
    if (!handler) throw new UsageError(`unknown command "${command}" (try: tickler --help)`)
    let now = () => new Date()
    if (values.now !== undefined) {
      const fixed = new Date(values.now)
      if (Number.isNaN(fixed.getTime())) throw new UsageError(`--now "${values.now}" is not an ISO 8601 time`)
      now = () => new Date(fixed)
    }
    await handler({
      dataDir: values['data-dir'] ?? defaultDataDir(env),
      json: values.json ?? false,
      now,
      io,
      positionals: rest,
      values,
      env,
    })
    return 0
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    io.err(`tickler: ${message.split('\n')[0]}`)
    return error instanceof UsageError ||
      (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
      ? 2
      : error instanceof TicklerError && error.code === 'LOCKED'
        ? 3
        : 1
  }
}
