import { describe, expect, it } from 'vitest';
import { validateSignalingUrl } from '../../../../renderer/live/signaling-client';

describe('validateSignalingUrl', () => {
  it.each([
    ['wss://signal.example.org', 'wss://signal.example.org'],
    ['  wss://signal.example.org/  ', 'wss://signal.example.org'],
    ['WSS://Signal.Example.org:8443/dreamboard/signal', 'wss://signal.example.org:8443/dreamboard/signal'],
    ['wss://signal.example.org:443', 'wss://signal.example.org'],
    ['wss://203.0.113.9:4444', 'wss://203.0.113.9:4444'],
    ['ws://127.0.0.1:4444', 'ws://127.0.0.1:4444'],
    ['ws://127.1:4444', 'ws://127.0.0.1:4444'],
    ['ws://localhost:4444', 'ws://localhost:4444'],
    ['ws://[::1]:4444', 'ws://[::1]:4444'],
    ['ws://10.1.2.3:4444', 'ws://10.1.2.3:4444'],
    ['ws://172.16.0.1', 'ws://172.16.0.1'],
    ['ws://172.31.255.254', 'ws://172.31.255.254'],
    ['ws://192.168.1.20:4444/signal', 'ws://192.168.1.20:4444/signal'],
    ['ws://169.254.10.10:4444', 'ws://169.254.10.10:4444'],
  ])('accepts %s as %s', (text, url) => {
    expect(validateSignalingUrl(text)).toEqual({ ok: true, url });
  });

  it.each([
    ['', /Enter a signaling server address/],
    ['   ', /Enter a signaling server address/],
    ['signal.example.org', /starting with wss:\/\//],
    ['localhost:4444', /starting with wss:\/\//],
    ['https://signal.example.org', /starting with wss:\/\/, not https:\/\//],
    ['http://127.0.0.1:4444', /not http:\/\//],
    ['javascript://alert(1)', /not javascript:\/\//],
    ['ws://signal.example.org', /Plain ws:\/\/ is only allowed/],
    ['ws://203.0.113.9:4444', /Plain ws:\/\/ is only allowed/],
    ['ws://172.32.0.1', /Plain ws:\/\/ is only allowed/],
    ['ws://192.169.0.1', /Plain ws:\/\/ is only allowed/],
    ['ws://0.0.0.0:4444', /Plain ws:\/\/ is only allowed/],
    ['ws://localhost.example.org', /Plain ws:\/\/ is only allowed/],
    ['ws://[::ffff:8.8.8.8]', /Plain ws:\/\/ is only allowed/],
    ['wss://user:secret@signal.example.org', /user name or password/],
    ['wss://token@signal.example.org', /user name or password/],
    ['wss://signal.example.org/?room=x', /\? or #/],
    ['wss://signal.example.org/#x', /\? or #/],
    ['wss://signal.example.org/?', /\? or #/],
    ['wss://signal.exa mple.org', /spaces/],
    ['wss://signal.exa\tmple.org', /spaces/],
    ['wss://signal.example.org\n/evil', /spaces/],
    ['wss://', /not a complete address/],
    ['wss://exa[mple.org', /not a complete address/],
    [`wss://${'a'.repeat(300)}.org`, /too long/],
  ])('refuses %j', (text, message) => {
    const result = validateSignalingUrl(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('refuses what is not a string', () => {
    expect(validateSignalingUrl(42 as unknown as string).ok).toBe(false);
  });
});
