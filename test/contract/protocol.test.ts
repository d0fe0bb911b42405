/** The proxy's own API bodies and the iframe message envelope. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  FRAME_SOURCE, HOST_SOURCE, PROTOCOL_VERSION, frameMessage, hostMessage, isFrameMessage, isHostMessage, isRampEventName,
} from '../../contract/frame-protocol.ts';
import { RAMP_EVENTS } from '../../contract/ramp-events.ts';
import { SessionCreate } from '../../contract/proxy-api.ts';

describe('iframe messages', () => {
  it('each side recognises only the other side\'s envelope', () => {
    const fromFrame = frameMessage('ramp-frame-resize', { height: 480 });
    const fromHost = hostMessage('session', { id: 1, token: 't' });
    assert.deepEqual(fromFrame, { source: FRAME_SOURCE, version: PROTOCOL_VERSION, type: 'ramp-frame-resize', detail: { height: 480 } });
    assert.equal(isFrameMessage(fromFrame), true);
    assert.equal(isHostMessage(fromFrame), false);
    assert.equal(isHostMessage(fromHost), true);
    assert.equal(isFrameMessage(fromHost), false);
    assert.equal(fromHost.source, HOST_SOURCE);
  });

  it('ignores whatever else a page may post: other versions, sources, shapes', () => {
    const good = frameMessage('ramp-ready', { version: 1 }) as Record<string, unknown>;
    for (const other of [
      null, undefined, 'ramp-ready', 42, [], {}, { ...good, version: 2 }, { ...good, source: 'someone-else' }, { ...good, type: 7 },
      { ...good, detail: null }, { ...good, detail: 'x' }, { source: FRAME_SOURCE, version: PROTOCOL_VERSION, type: 'ramp-ready' },
    ]) {
      assert.equal(isFrameMessage(other), false, JSON.stringify(other));
      assert.equal(isHostMessage(other), false, JSON.stringify(other));
    }
  });

  it('knows the element\'s event names and nothing else', () => {
    for (const name of RAMP_EVENTS) assert.equal(isRampEventName(name), true, name);
    for (const name of ['ramp-frame-ready', 'hello', 'session', 'click', 'toString', '']) assert.equal(isRampEventName(name), false, name);
  });
});

describe('POST /api/sessions body', () => {
  it('needs a merchant user id; a customer id and a lifetime of 1 minute to 1 day are optional', () => {
    assert.equal(SessionCreate.safeParse({ externalUserId: 'user-1' }).success, true);
    assert.deepEqual(SessionCreate.parse({ externalUserId: '  user-1 ', customerId: 'customer_abc123', ttlSeconds: 60 }), {
      externalUserId: 'user-1', customerId: 'customer_abc123', ttlSeconds: 60,
    });
    assert.equal(SessionCreate.safeParse({ externalUserId: 'user-1', ttlSeconds: 86_400 }).success, true);
    for (const bad of [
      {}, { externalUserId: '' }, { externalUserId: '   ' }, { externalUserId: 'x'.repeat(256) }, { externalUserId: 7 },
      { externalUserId: 'u', customerId: 'wallet_abc' }, { externalUserId: 'u', ttlSeconds: 59 }, { externalUserId: 'u', ttlSeconds: 86_401 },
      { externalUserId: 'u', ttlSeconds: 90.5 }, { externalUserId: 'u', ttlSeconds: '600' }, { externalUserId: 'u', admin: true },
    ]) {
      assert.equal(SessionCreate.safeParse(bad).success, false, JSON.stringify(bad));
    }
  });
});
