import { describe, expect, it } from 'vitest'
import { buildCsp, isPermissionAllowed, isRendererUrl, type RendererLocation } from './renderer-origin'

const app: RendererLocation = { kind: 'app', url: 'app://tickler/index.html' }
const dev: RendererLocation = { kind: 'dev', url: 'http://localhost:5173/' }

describe('isRendererUrl', () => {
  it('matches our built page regardless of hash or query', () => {
    expect(isRendererUrl('app://tickler/index.html', app)).toBe(true)
    expect(isRendererUrl('app://tickler/index.html?view=capture#/note/1', app)).toBe(true)
  })

  it('refuses other pages, other hosts, file: pages, other schemes and garbage', () => {
    expect(isRendererUrl('app://tickler/assets/other.html', app)).toBe(false)
    expect(isRendererUrl('app://evil/index.html', app)).toBe(false)
    expect(isRendererUrl('file:///C:/Program%20Files/Tickler/out/renderer/index.html', app)).toBe(false)
    expect(isRendererUrl('file:///index.html', app)).toBe(false)
    expect(isRendererUrl('https://tickler/index.html', app)).toBe(false)
    expect(isRendererUrl('about:blank', app)).toBe(false)
    expect(isRendererUrl('not a url', app)).toBe(false)
  })

  it('matches the dev server by origin', () => {
    expect(isRendererUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true)
    expect(isRendererUrl('http://localhost:5173', dev)).toBe(true)
    expect(isRendererUrl('http://localhost:5173.evil.example/', dev)).toBe(false)
    expect(isRendererUrl('https://localhost:5173/', dev)).toBe(false)
    expect(isRendererUrl('ws://localhost:5173/', dev)).toBe(false)
  })
})

describe('buildCsp', () => {
  it('forbids inline scripts, objects and framing in a build', () => {
    const csp = buildCsp(app)
    expect(csp).toContain("script-src 'self';")
    expect(csp).not.toMatch(/script-src[^;]*unsafe/)
    expect(csp).toContain("object-src 'none'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("connect-src 'self';")
  })

  it('allows the dev server preamble and its hot-reload socket in dev only', () => {
    const csp = buildCsp(dev)
    expect(csp).toContain("script-src 'self' 'unsafe-inline'")
    expect(csp).toContain("connect-src 'self' ws://localhost:5173")
  })
})

describe('isPermissionAllowed', () => {
  it('allows only a sanitized clipboard write from our own page', () => {
    const page = 'app://tickler/index.html'
    expect(isPermissionAllowed('clipboard-sanitized-write', page, app)).toBe(true)
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example/', app)).toBe(false)
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(isPermissionAllowed(permission, page, app)).toBe(false)
    }
  })
})
