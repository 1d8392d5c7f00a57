/**
 * The config.xml of one test Syncthing instance. Written whole rather than patched into the generated
 * file: what is left out takes Syncthing's defaults, and everything that would reach beyond 127.0.0.1
 * (global and local discovery, relays, NAT traversal and STUN, usage and crash reporting, upgrades) is
 * switched off here, in one place.
 */
export interface SyncthingDevice {
  id: string
  /** The sync protocol port, on 127.0.0.1. */
  port: number
  name: string
}

export interface InstanceConfig {
  self: SyncthingDevice
  /** Every instance, this one included: each shares the folder with all the others. */
  devices: SyncthingDevice[]
  folderId: string
  folderPath: string
  guiPort: number
  apiKey: string
  /** Seconds the file watcher gathers changes before it scans (1 keeps tests quick). */
  watcherDelayS: number
  /** Receive limit in KiB/s for data from the other devices, 0 for none. */
  maxRecvKbps: number
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

function device(d: SyncthingDevice, maxRecvKbps: number): string {
  return `    <device id="${d.id}" name="${escape(d.name)}" compression="metadata" introducer="false">
        <address>tcp://127.0.0.1:${d.port}</address>
        <paused>false</paused>
        <autoAcceptFolders>false</autoAcceptFolders>
        <maxRecvKbps>${maxRecvKbps}</maxRecvKbps>
    </device>`
}

export function instanceConfig(c: InstanceConfig): string {
  const shares = c.devices.map((d) => `        <device id="${d.id}" introducedBy=""></device>`).join('\n')
  const peers = c.devices.map((d) => device(d, d.id === c.self.id ? 0 : c.maxRecvKbps)).join('\n')
  return `<configuration version="36">
    <folder id="${escape(c.folderId)}" label="test" path="${escape(c.folderPath)}" type="sendreceive"
        rescanIntervalS="3600" fsWatcherEnabled="true" fsWatcherDelayS="${c.watcherDelayS}" ignorePerms="false"
        autoNormalize="true">
        <filesystemType>basic</filesystemType>
${shares}
        <minDiskFree unit="%">0</minDiskFree>
        <maxConflicts>10</maxConflicts>
        <markerName>.stfolder</markerName>
    </folder>
${peers}
    <gui enabled="true" tls="false" debugging="false">
        <address>127.0.0.1:${c.guiPort}</address>
        <apikey>${c.apiKey}</apikey>
        <theme>default</theme>
    </gui>
    <options>
        <listenAddress>tcp://127.0.0.1:${c.self.port}</listenAddress>
        <globalAnnounceEnabled>false</globalAnnounceEnabled>
        <localAnnounceEnabled>false</localAnnounceEnabled>
        <relaysEnabled>false</relaysEnabled>
        <natEnabled>false</natEnabled>
        <urAccepted>-1</urAccepted>
        <urSeen>3</urSeen>
        <crashReportingEnabled>false</crashReportingEnabled>
        <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
        <startBrowser>false</startBrowser>
        <announceLANAddresses>false</announceLANAddresses>
        <!-- A peer that was not listening yet, or was just resumed, is dialled again soon. -->
        <reconnectionIntervalS>1</reconnectionIntervalS>
        <!-- The machine is shared: do not lower Syncthing's priority below the test's. -->
        <setLowPriority>false</setLowPriority>
        <limitBandwidthInLan>true</limitBandwidthInLan>
        <minHomeDiskFree unit="%">0</minHomeDiskFree>
        <progressUpdateIntervalS>1</progressUpdateIntervalS>
    </options>
</configuration>
`
}
