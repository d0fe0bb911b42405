import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../proxy-server/config.ts';

describe('proxy configuration', () => {
  it('runs in sandbox mode with generated development secrets when SPHEREPAY_API_KEY is unset or empty', () => {
    for (const env of [{}, { SPHEREPAY_API_KEY: '' }]) {
      const c = loadConfig(env);
      assert.equal(c.sandbox, true);
      assert.equal(c.sandboxControls, true);
      assert.deepEqual(c.generated.sort(), ['RAMP_SERVER_SECRET', 'SPHEREPAY_API_KEY', 'SPHEREPAY_WEBHOOK_SECRET']);
      assert.ok(c.serverSecret.length >= 16);
      assert.equal(c.port, 8787);
      assert.equal(c.dbPath, './data/ramp.db');
    }
  });

  it('needs the secrets in live mode and keeps sandbox controls off unless asked', () => {
    assert.throws(() => loadConfig({ SPHEREPAY_API_KEY: 'sk_live' }), (e: Error) => e instanceof ConfigError && /^SPHEREPAY_WEBHOOK_SECRET: /.test(e.message));
    const c = loadConfig({ SPHEREPAY_API_KEY: 'sk_live', SPHEREPAY_WEBHOOK_SECRET: 'whsec_12345678', RAMP_SERVER_SECRET: 'server-secret' });
    assert.equal(c.sandbox, false);
    assert.equal(c.sandboxControls, false);
    assert.deepEqual(c.generated, []);
    assert.equal(c.spherepay.baseUrl, 'https://api.spherepay.co');
    assert.equal(loadConfig({ SPHEREPAY_API_KEY: 'k', SPHEREPAY_WEBHOOK_SECRET: 'whsec_12345678', RAMP_SERVER_SECRET: 'server-secret', RAMP_SANDBOX_CONTROLS: '1' }).sandboxControls, true);
  });

  it('stops on a bad value with one line naming the variable', () => {
    const cases: [Record<string, string>, string][] = [
      [{ PORT: 'eighty' }, 'PORT'],
      [{ PORT: '70000' }, 'PORT'],
      [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
      [{ SPHEREPAY_BASE_URL: 'ftp://example.com' }, 'SPHEREPAY_BASE_URL'],
      [{ RAMP_ALLOWED_ORIGINS: 'https://shop.example,not an origin' }, 'RAMP_ALLOWED_ORIGINS'],
      [{ RAMP_ALLOWED_ORIGINS: 'https://shop.example/path' }, 'RAMP_ALLOWED_ORIGINS'],
      [{ RAMP_SERVER_SECRET: 'short' }, 'RAMP_SERVER_SECRET'],
      [{ SPHEREPAY_TIMEOUT_MS: '0' }, 'SPHEREPAY_TIMEOUT_MS'],
      [{ RAMP_SANDBOX_AUTOPILOT: 'maybe' }, 'RAMP_SANDBOX_AUTOPILOT'],
    ];
    for (const [env, name] of cases) {
      assert.throws(() => loadConfig(env), (e: Error) => {
        assert.ok(e instanceof ConfigError, name);
        assert.ok(e.message.startsWith(`${name}: `), e.message);
        assert.ok(!e.message.includes('\n'), e.message);
        return true;
      });
    }
  });

  it('parses the allowlist and the tunables', () => {
    const c = loadConfig({ RAMP_ALLOWED_ORIGINS: 'https://shop.example, http://localhost:3000/', SPHEREPAY_TIMEOUT_MS: '2500', RAMP_SANDBOX_AUTOPILOT: '0' });
    assert.deepEqual(c.allowedOrigins, ['https://shop.example', 'http://localhost:3000']);
    assert.equal(c.spherepay.timeoutMs, 2500);
    assert.equal(c.sandboxAutopilot, false);
  });
});

describe('npm start with a bad value', () => {
  it('prints one line naming the variable and exits 1', async () => {
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'proxy-server/main.ts'], {
      env: { ...process.env, PORT: 'eighty', RAMP_DB: ':memory:' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    assert.equal(r.status, 1);
    assert.equal(r.stderr.trim(), 'PORT: must be a whole number');
  });
});
