import { run } from './run'

// The `tickler` command: `npm run --silent tickler -- <command>`. Loads only core, never Electron or React.
process.exitCode = await run(process.argv.slice(2))
