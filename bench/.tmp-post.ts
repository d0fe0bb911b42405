import { startProcess } from '/work/h15/bench/processes/spawn.ts';
import { arrange } from '/work/h15/bench/relay.ts';
const env = { BENCH_API_KEY: 'sk_bench_' + 'b'.repeat(24), BENCH_SERVER_SECRET: 'bench-server-secret', BENCH_WEBHOOK_SECRET: 'whsec_bench_secret' };
const sandbox = await startProcess('sandbox.ts', env);
const proxy = await startProcess('proxy.ts', { ...env, BENCH_SANDBOX_URL: sandbox.url });
const hpm = await startProcess('passthrough-hpm.ts', { ...env, BENCH_SANDBOX_URL: sandbox.url });
const { token, customerId } = await arrange(proxy.url, env.BENCH_SERVER_SECRET);
for (const [base, tok] of [[proxy.url, token], [hpm.url, env.BENCH_API_KEY]]) {
  const statuses = new Map<string, number>();
  await Promise.all(Array.from({ length: 300 }, async () => {
    const r = await fetch(`${base}/api/v2/wallet`, { method: 'POST', headers: { authorization: `Bearer ${tok}`, 'content-type': 'application/json' }, body: JSON.stringify({ customerId, network: 'ethereum', address: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed' }) });
    const k = `${r.status} ${r.status >= 300 ? (await r.text()).slice(0, 150) : ''}`; statuses.set(k, (statuses.get(k) ?? 0) + 1);
  }));
  console.log(base, [...statuses]);
}
for (const c of [hpm, proxy, sandbox]) await c.close();
