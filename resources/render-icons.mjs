// Renders resources/icon.svg and resources/tray.svg to the PNGs electron-builder and the tray use.
// Run after editing an SVG: `node resources/render-icons.mjs` (needs a Chromium: Playwright's or the system's).
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const here = dirname(fileURLToPath(import.meta.url))
const targets = [
  { svg: 'icon.svg', png: 'icon.png', size: 1024 },
  { svg: 'tray.svg', png: 'tray.png', size: 32 },
  { svg: 'tray.svg', png: 'tray@2x.png', size: 64 },
]

function systemChromium() {
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], {
      encoding: 'utf8',
    }).trim()
  } catch {
    return undefined
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || systemChromium() || undefined,
  args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
})
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 })
  for (const { svg, png, size } of targets) {
    const markup = readFileSync(join(here, svg), 'utf8').replace(
      /width="\d+" height="\d+"/,
      `width="${size}" height="${size}"`,
    )
    await page.setViewportSize({ width: size, height: size })
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block}</style>${markup}`,
    )
    await page.screenshot({
      path: join(here, png),
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    })
    console.log(`${png} ${size}x${size}`)
  }
} finally {
  await browser.close()
}
