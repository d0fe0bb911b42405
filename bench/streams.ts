/**
 * Live events at 10,000 open streams on one proxy process (issue 15, item 5).
 *
 * Two proxy processes with the default configuration (stream caps 10,000 per
 * process and 4 per session, 15 s heartbeats), one sandbox process, and this
 * process as the load generator. On the loaded proxy 2,500 sessions, each
 * linked to a customer of its own, hold four streams each (raw sockets); the
 * idle proxy, the peer, has the same sessions and no stream. Both get the
 * same load at the same time, interleaved (so a noisy neighbour on the
 * machine hurts both alike): signed SpherePay webhooks (`transfer.*`, the
 * 2026 envelope) at a fixed rate to random customers, open loop. Timed from
 * the moment each webhook is sent:
 * - delivery: until each of its customer's four streams has the event;
 * - intake: until the webhook's 200, on the loaded proxy against the idle one.
 * While the loaded proxy is full, one more stream (503 with `Retry-After`
 * expected) and a webhook (200 expected).
 */
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { DEFAULT_STREAM_CAPS } from '../proxy-server/events.ts';
import { openFileLimit, streamCapWithin } from '../proxy-server/fd-limit.ts';
import { sign } from '../sandbox/webhooks.ts';
import { startProcess, type Child } from './processes/spawn.ts';

const STREAMS = DEFAULT_STREAM_CAPS.perProcess;
const PER_SESSION = DEFAULT_STREAM_CAPS.perSession;
const SESSIONS = STREAMS / PER_SESSION;
/** Requests in flight while arranging (minting sessions, opening streams): a reconnect wave, not a SYN flood. */
const ARRANGE_CONCURRENCY = 64;
/** Load before the counted rounds, once the streams are open. */
const WARM_UP_SECONDS = 5;

export interface BenchSecrets {
  BENCH_API_KEY: string;
  BENCH_SERVER_SECRET: string;
  BENCH_WEBHOOK_SECRET: string;
}

export interface Latencies {
  p50: number;
  p99: number;
}

export interface Round {
  delivery: Latencies;
  /** Webhook intake on the proxy holding the streams, and on the idle one. */
  loaded: Latencies;
  idle: Latencies;
  /** CPU time over the round of each proxy and of the load generator, as a share of one core. */
  cpu: { loaded: number; idle: number; generator: number };
}

export interface LiveEventFigures {
  streams: number;
  sessions: number;
  /** Webhooks per second, in every round on either proxy. */
  rate: number;
  seconds: number;
  openSeconds: number;
  /** Resident memory of the loaded proxy beyond the idle one's, per open stream (bytes), after the rounds. */
  memoryPerStream: number;
  rounds: Round[];
  deliveries: { count: number; missing: number; misdirected: number };
  overCap: { status: number; retryAfter: string | null; code: string | undefined; webhookStatus: number };
  /** `ulimit -n` (soft, hard) of the load generator and the loaded proxy. */
  fdLimits: { loadGenerator: string; proxy: string };
}

function summarise(xs: number[]): Latencies {
  const sorted = Float64Array.from(xs).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  return { p50: at(0.5), p99: at(0.99) };
}

/** CPU time a process has used so far, in ms, read from /proc (Linux; 10 ms ticks); NaN elsewhere. */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime, fields 14 and 15 of stat(5), in clock ticks (USER_HZ, 100 on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/** Resident memory of a process, in bytes, read from /proc (Linux); NaN elsewhere. */
function rssBytes(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) * 1024;
  } catch {
    return NaN;
  }
}

/** Runs `task` over `items` with at most `limit` in flight. */
async function pool<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!);
    }
  }));
  return results;
}

const customerId = (i: number) => `customer_bench${i}`;

/** A session for user `i`, linked to customer `i`, minted the way a merchant backend does. */
async function mintSession(proxyUrl: string, serverSecret: string, i: number): Promise<string> {
  const res = await fetch(`${proxyUrl}/api/sessions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${serverSecret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ externalUserId: `bench-user-${i}`, customerId: customerId(i) }),
  });
  if (res.status !== 201) throw new Error(`mint: ${res.status} ${await res.text()}`);
  return String(((await res.json()) as { token: string }).token);
}

/** Event ids carry their number, so a stream finds which event reached it without parsing the frame. */
const EVENT_ID = /evt_bench(\d+)"/g;
/** Longer than any match, so an id split across two reads is whole in the second. */
const TAIL = 40;

interface Stream {
  socket: Socket;
  customer: number;
  /** The end of the previous read. */
  tail: string;
}

/** What the loaded proxy's streams heard of the webhooks sent to it, by event number. */
class Deliveries {
  private readonly sent = new Map<number, { at: number; customer: number; reached: number }>();
  latencies: number[] = [];
  count = 0;
  misdirected = 0;

  sending(n: number, customer: number) {
    this.sent.set(n, { at: performance.now(), customer, reached: 0 });
  }

  heard(stream: Stream, chunk: Buffer) {
    const at = performance.now();
    const text = stream.tail + chunk.toString('latin1');
    const fresh = stream.tail.length;
    stream.tail = text.slice(-TAIL);
    for (const m of text.matchAll(EVENT_ID)) {
      // A match wholly inside the tail was counted with the previous read.
      if (m.index + m[0].length <= fresh) continue;
      const sent = this.sent.get(Number(m[1]));
      if (!sent) continue;
      if (sent.customer !== stream.customer) {
        this.misdirected++;
        continue;
      }
      sent.reached++;
      this.count++;
      this.latencies.push(at - sent.at);
    }
  }

  /** Deliveries still owed: every event to all `PER_SESSION` streams of its customer. */
  get missing() {
    let owed = 0;
    for (const s of this.sent.values()) owed += PER_SESSION - s.reached;
    return owed;
  }

  /** Waits until nothing is owed, or `ms` passes. */
  async settle(ms: number) {
    const deadline = Date.now() + ms;
    while (this.missing > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  }
}

/** `GET /api/events` over a raw socket (the cheapest client for 10,000); resolves once the stream has begun. */
function openStream(url: URL, token: string, customer: number, deliveries: Deliveries): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    const stream: Stream = { socket, customer, tail: '' };
    let head = '';
    const begin = (chunk: Buffer) => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      if (!head.startsWith('HTTP/1.1 200')) {
        socket.destroy();
        return reject(new Error(`stream refused: ${head.split('\r\n')[0]}`));
      }
      if (!head.includes('retry:')) return;
      socket.off('data', begin);
      socket.on('data', (c: Buffer) => deliveries.heard(stream, c));
      resolve(stream);
    };
    socket.on('data', begin);
    // After the stream began, an error shows as deliveries missing, which the bench reports.
    socket.on('error', reject);
    socket.setNoDelay(true);
    socket.write(`GET /api/events HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${token}\r\nAccept: text/event-stream\r\n\r\n`);
  });
}

const STATUSES = ['pendingFunding', 'fundsReceived', 'processing', 'succeeded'] as const;

/** Webhook `n`: a status change of customer `i`'s transfer, as the sandbox sends it. */
function webhookBody(n: number, i: number) {
  const status = STATUSES[n % STATUSES.length];
  const createdAt = new Date().toISOString();
  return JSON.stringify({
    id: `evt_bench${n}`,
    type: `transfer.${status}`,
    createdAt,
    data: {
      id: `payout_bench${i}`,
      customer: customerId(i),
      status,
      amount: '100.00',
      source: { type: 'bank_account', id: `bankAccount_bench${i}`, currency: 'usd', network: 'ach', amount: '100.00' },
      destination: { type: 'wallet', id: `wallet_bench${i}`, currency: 'usdc', network: 'ethereum', amount: '99.50' },
      createdAt,
    },
  });
}

/**
 * Signed webhooks to one proxy over keep-alive connections, a fresh pool per
 * load (a connection idle past the server's keep-alive timeout would be reset
 * as it is reused); numbers are shared, so no event id repeats.
 */
class WebhookSender {
  private static next = 0;
  private agent = new Agent({ keepAlive: true, maxSockets: 32 });
  constructor(private readonly url: URL, private readonly secret: string, private readonly deliveries?: Deliveries) {}

  /** One webhook for customer `i`: its status and intake time (ms). */
  send(i: number): Promise<{ status: number; ms: number }> {
    const n = WebhookSender.next++;
    const body = webhookBody(n, i);
    const headers = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), signature: sign(this.secret, body) };
    return new Promise((resolve, reject) => {
      const req = request({ host: this.url.hostname, port: this.url.port, path: '/webhooks/spherepay', method: 'POST', headers, agent: this.agent }, (res) => {
        res.resume();
        res.on('error', reject);
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - sent }));
      });
      req.on('error', reject);
      this.deliveries?.sending(n, i);
      const sent = performance.now();
      req.end(body);
    });
  }

  /** `rate` webhooks a second for `seconds` to random customers, on schedule whatever the answers (open loop); intake times. */
  async load(rate: number, seconds: number, offsetMs = 0): Promise<number[]> {
    this.agent.destroy();
    this.agent = new Agent({ keepAlive: true, maxSockets: 32 });
    const total = Math.round(rate * seconds);
    const start = performance.now() + offsetMs;
    const pending: Promise<{ status: number; ms: number }>[] = [];
    for (let k = 0; k < total; k++) {
      const wait = start + (k * 1000) / rate - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      pending.push(this.send(Math.floor(Math.random() * SESSIONS)));
    }
    const answers = await Promise.all(pending);
    const refused = answers.filter((a) => a.status !== 200);
    if (refused.length) throw new Error(`${refused.length} of ${total} webhooks not accepted (first: ${refused[0]!.status})`);
    return answers.map((a) => a.ms);
  }

  close() {
    this.agent.destroy();
  }
}

export async function liveEventFigures(secrets: BenchSecrets, o: { rate?: number; seconds?: number; rounds?: number } = {}): Promise<LiveEventFigures> {
  const { rate = 100, seconds = 5, rounds = 3 } = o;
  const children: Child[] = [];
  const streams: Stream[] = [];
  const senders: WebhookSender[] = [];
  try {
    const sandbox = await startProcess('sandbox.ts', { ...secrets });
    children.push(sandbox);
    const [loaded, idle] = await Promise.all([0, 1].map(() => startProcess('proxy.ts', { ...secrets, BENCH_SANDBOX_URL: sandbox.url })));
    children.push(loaded!, idle!);

    const limits = { loadGenerator: openFileLimit(), proxy: openFileLimit(loaded!.process.pid!) };
    for (const [who, limit] of Object.entries(limits)) {
      // The proxy would cap itself lower (proxy-server/fd-limit.ts); the load generator needs as much room.
      if (streamCapWithin(STREAMS, limit?.soft) < STREAMS) {
        throw new Error(`the ${who} may open ${limit?.soft} files (ulimit -n), too few for ${STREAMS} streams; raise it (ulimit -n ${2 * STREAMS}) and run again`);
      }
    }
    const show = (l: { soft: number; hard: number } | undefined) => (l ? `${l.soft} (hard ${l.hard})` : 'unknown');

    const users = [...Array(SESSIONS).keys()];
    const [tokens] = await Promise.all([loaded!, idle!].map((p) => pool(users, ARRANGE_CONCURRENCY / 2, (i) => mintSession(p.url, secrets.BENCH_SERVER_SECRET, i))));
    const url = new URL(loaded!.url);
    const deliveries = new Deliveries();
    const toLoaded = new WebhookSender(url, secrets.BENCH_WEBHOOK_SECRET, deliveries);
    const toIdle = new WebhookSender(new URL(idle!.url), secrets.BENCH_WEBHOOK_SECRET);
    senders.push(toLoaded, toIdle);

    const opening = performance.now();
    const slots = users.flatMap((i) => Array<number>(PER_SESSION).fill(i));
    streams.push(...(await pool(slots, ARRANGE_CONCURRENCY, (i) => openStream(url, tokens![i]!, i, deliveries))));
    const openSeconds = (performance.now() - opening) / 1000;

    // One stream more, on a session of its own, while the process is full; a webhook meanwhile.
    const extra = await mintSession(loaded!.url, secrets.BENCH_SERVER_SECRET, SESSIONS);
    const [refused, webhook] = await Promise.all([fetch(`${loaded!.url}/api/events`, { headers: { authorization: `Bearer ${extra}` } }), toLoaded.send(0)]);
    const overCap = {
      status: refused.status,
      retryAfter: refused.headers.get('retry-after'),
      code: refused.status === 200 ? (await refused.body?.cancel(), undefined) : ((await refused.json()) as { code?: string }).code,
      webhookStatus: webhook.status,
    };
    await deliveries.settle(5_000);

    const measured: Round[] = [];
    const cpu = () => ({ loaded: cpuMs(loaded!.process.pid!), idle: cpuMs(idle!.process.pid!), generator: cpuMs(process.pid), at: performance.now() });
    // Not counted: the processes settle after the opening wave (its garbage collected), the load flowing.
    await Promise.all([toLoaded.load(rate, WARM_UP_SECONDS), toIdle.load(rate, WARM_UP_SECONDS, 500 / rate)]);
    await deliveries.settle(5_000);
    for (let r = 0; r < rounds; r++) {
      deliveries.latencies = [];
      const before = cpu();
      // The idle proxy's webhooks go out half a period after the loaded one's.
      const [loadedIntake, idleIntake] = await Promise.all([toLoaded.load(rate, seconds), toIdle.load(rate, seconds, 500 / rate)]);
      const after = cpu();
      await deliveries.settle(5_000);
      const share = (k: 'loaded' | 'idle' | 'generator') => (after[k] - before[k]) / (after.at - before.at);
      measured.push({
        delivery: summarise(deliveries.latencies), loaded: summarise(loadedIntake), idle: summarise(idleIntake),
        cpu: { loaded: share('loaded'), idle: share('idle'), generator: share('generator') },
      });
    }
    return {
      streams: streams.length, sessions: SESSIONS, rate, seconds, openSeconds, rounds: measured,
      memoryPerStream: (rssBytes(loaded!.process.pid!) - rssBytes(idle!.process.pid!)) / streams.length,
      deliveries: { count: deliveries.count, missing: deliveries.missing, misdirected: deliveries.misdirected },
      overCap,
      fdLimits: { loadGenerator: show(limits.loadGenerator), proxy: show(limits.proxy) },
    };
  } finally {
    for (const s of streams) s.socket.destroy();
    for (const s of senders) s.close();
    for (const child of children.reverse()) await child.close();
  }
}
