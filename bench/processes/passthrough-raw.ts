/** The floor: node:http piping `/api/v2/*` to the sandbox's `/v2/*` over a keep-alive agent, nothing else. */
import { Agent, createServer, request } from 'node:http';

const target = new URL(process.env.BENCH_SANDBOX_URL!);
const apiKey = process.env.BENCH_API_KEY!;
const agent = new Agent({ keepAlive: true, maxSockets: 64 });
const server = createServer((req, res) => {
  const upstream = request(
    { host: target.hostname, port: target.port, agent, method: req.method, path: (req.url ?? '/').replace(/^\/api\/v2/, '/v2'), headers: { ...req.headers, host: target.host, authorization: `Bearer ${apiKey}` } },
    (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    },
  );
  upstream.on('error', () => res.destroy());
  req.pipe(upstream);
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => console.log(`LISTENING http://127.0.0.1:${(server.address() as { port: number }).port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
