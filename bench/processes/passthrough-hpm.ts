/**
 * The relay's peer: a plain http-proxy-middleware pass-through on Express 5
 * (keep-alive to the sandbox), `/api/v2/*` -> `/v2/*` with the API key added.
 * No session, allowlist, schema, ownership or logging: the cost of forwarding alone.
 */
import express from 'express';
import { Agent } from 'node:http';
import { createProxyMiddleware } from 'http-proxy-middleware';

const target = process.env.BENCH_SANDBOX_URL!;
const apiKey = process.env.BENCH_API_KEY!;
const app = express();
app.use(
  '/api/v2',
  createProxyMiddleware({
    target: `${target}/v2`,
    changeOrigin: true,
    agent: new Agent({ keepAlive: true, maxSockets: 64 }),
    // Given as an option, not set in a proxyReq listener: under POST load that listener can run after
    // the request's headers went out, which throws ERR_HTTP_HEADERS_SENT and kills this process.
    headers: { authorization: `Bearer ${apiKey}` },
  }),
);
const server = app.listen(0, '127.0.0.1', () => console.log(`LISTENING http://127.0.0.1:${(server.address() as { port: number }).port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
