/** Runs the curl walkthrough of docs/sandbox.md exactly as written, against a real sandbox. */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { startSandbox } from '../../sandbox/server.ts';

const doc = readFileSync(new URL('../../docs/sandbox.md', import.meta.url), 'utf8');
const section = doc.split('<!-- walkthrough:start -->')[1]?.split('<!-- walkthrough:end -->')[0] ?? '';
const script = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]).join('\n');
const missing = ['bash', 'curl', 'jq'].filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);

describe('docs/sandbox.md walkthrough', () => {
  it('takes an individual from creation to a succeeded on-ramp with curl', { skip: missing.length ? `needs ${missing.join(', ')}` : false }, async () => {
    assert.ok(script.includes('/_sandbox/transfer/$TRANSFER/fund'), 'the walkthrough blocks were found');
    const key = 'sk_sandbox_walkthrough';
    const sandbox = await startSandbox({ apiKey: key });
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-walkthrough-'));
    try {
      // Asynchronously: the sandbox answers on this process's event loop.
      const child = spawn('bash', ['-euo', 'pipefail', '-c', script], { cwd: dir, env: { ...process.env, SANDBOX: sandbox.url, KEY: key } });
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => (out += d));
      child.stderr.on('data', (d: Buffer) => (err += d));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      assert.equal(code, 0, `walkthrough failed:\n${out}\n${err}`);
      const lines = out.trim().split('\n');
      assert.equal(lines.at(-1), 'succeeded', out);
      assert.ok(lines.includes('pending') && lines.includes('approved') && lines.includes('fundsReceived'), out);

      const auth = { authorization: `Bearer ${key}` };
      const list = await (await fetch(`${sandbox.url}/v2/transfer?status=succeeded`, { headers: auth })).json();
      assert.equal(list.pagination.total, 1);
      assert.equal(list.data[0].type, 'on_ramp');
      assert.equal(list.data[0].destination.amount, '499.00');
      const quotes = await (await fetch(`${sandbox.url}/v2/quote?status=used`, { headers: auth })).json();
      assert.equal(quotes.total, 1);
    } finally {
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
