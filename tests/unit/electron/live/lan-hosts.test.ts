import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { lanHostsOf } from '../../../../electron/live/lan-hosts';

function v4(address: string, internal = false): NetworkInterfaceInfo {
  return {
    address,
    family: 'IPv4',
    internal,
    netmask: '255.255.255.0',
    mac: '00:00:00:00:00:00',
    cidr: null,
  };
}

function v6(address: string): NetworkInterfaceInfo {
  return {
    address,
    family: 'IPv6',
    internal: false,
    netmask: 'ffff:ffff:ffff:ffff::',
    mac: '00:00:00:00:00:00',
    scopeid: 0,
    cidr: null,
  };
}

describe('lanHostsOf', () => {
  it('puts private ranges first: 192.168, then 10, then 172.16/12, then the rest', () => {
    expect(
      lanHostsOf({
        docker0: [v4('172.17.0.1')],
        wan: [v4('81.2.69.160')],
        eth0: [v4('10.0.0.5'), v6('fe80::1')],
        wlan0: [v4('192.168.1.20')],
        lo: [v4('127.0.0.1', true)],
      }),
    ).toEqual(['192.168.1.20', '10.0.0.5', '172.17.0.1', '81.2.69.160']);
  });

  it('leaves out link-local addresses when there is anything better', () => {
    expect(lanHostsOf({ eth0: [v4('169.254.10.2')], wlan0: [v4('10.1.2.3')] })).toEqual(['10.1.2.3']);
  });

  it('uses link-local addresses when they are all there is', () => {
    expect(lanHostsOf({ eth0: [v4('169.254.10.2')] })).toEqual(['169.254.10.2']);
  });

  it('falls back to 127.0.0.1 with no network at all', () => {
    expect(lanHostsOf({ lo: [v4('127.0.0.1', true)], eth0: [v6('fe80::2')] })).toEqual(['127.0.0.1']);
    expect(lanHostsOf({})).toEqual(['127.0.0.1']);
  });

  it('lists an address once and skips ones a join code cannot carry', () => {
    expect(lanHostsOf({ a: [v4('10.0.0.5'), v4('0.0.0.0')], b: [v4('10.0.0.5')] })).toEqual(['10.0.0.5']);
  });

  it('keeps 172 addresses outside 172.16/12 with the public ones', () => {
    expect(lanHostsOf({ a: [v4('172.32.0.1')], b: [v4('172.31.0.1')] })).toEqual([
      '172.31.0.1',
      '172.32.0.1',
    ]);
  });
});
