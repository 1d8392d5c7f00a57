import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import { BlockList, isIP, type LookupFunction } from 'node:net'

/**
 * Addresses a web image is never fetched from: this machine, private and carrier networks, link-local,
 * multicast and reserved space. A pasted "image" is chosen by whoever wrote the page, so without this it
 * could make Tickler request the router's admin page or a service listening on localhost.
 */
const blocked = new BlockList()
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(net, prefix, 'ipv4')
for (const [net, prefix] of [
  ['::', 96], // unspecified, loopback and the old IPv4-compatible form
  ['64:ff9b::', 96], // NAT64: an IPv4 address in disguise
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  blocked.addSubnet(net, prefix, 'ipv6')

/** The IPv4 address inside an IPv4-mapped IPv6 one (::ffff:127.0.0.1), which reaches the same host. */
function unmapped(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)
  if (mapped) return mapped[1]!
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(ip)
  if (!hex) return ip
  const [hi, lo] = [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16)]
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.')
}

/** True for an address on the public internet; false for anything in the ranges above or not an IP. */
export function isPublicAddress(ip: string): boolean {
  const address = unmapped(ip.replace(/^\[|\]$/g, ''))
  const family = isIP(address)
  if (family === 0) return false
  return !blocked.check(address, family === 4 ? 'ipv4' : 'ipv6')
}

export class BlockedAddressError extends Error {
  constructor(readonly host: string) {
    super(`${host} is on this machine or a private network`)
  }
}

/**
 * A DNS lookup for the socket that refuses any answer with a non-public address, so the address checked
 * is the one connected to (a second lookup could answer differently: DNS rebinding).
 */
export function guardedLookup(allowed: (ip: string) => boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, found: LookupAddress[]) => {
      if (error) return callback(error, '', 0)
      if (found.length === 0 || found.some((a) => !allowed(a.address)))
        return callback(new BlockedAddressError(hostname), '', 0)
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, found)
      callback(null, found[0]!.address, found[0]!.family)
    })
  }
}
