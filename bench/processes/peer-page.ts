/**
 * Serves the minimal Lit page the way the proxy serves the widget's page:
 * precompressed and negotiated, with the same page headers. Those include
 * helmet's `Cross-Origin-Opener-Policy: same-origin`, which has Chromium
 * load the page in a fresh renderer process: about 0.1 s of a slow-4G load on
 * these machines, for any page (the minimal page took 425-453 ms without it
 * and 523-679 ms with it, same run). Without them here, the widget's ratio
 * carried that cost of its page as if it were the widget's.
 */
import express from 'express';
import { join } from 'node:path';
import { securityHeaders } from '../../proxy-server/security.ts';
import { negotiatedStatic, sendNegotiated } from '../../proxy-server/static-files.ts';

const dir = process.env.BENCH_PEER_DIR!;
const app = express();
app.use(securityHeaders({ allowedOrigins: [] }));
app.get('/', (req, res) => void sendNegotiated(req, res, join(dir, 'index.html'), { cacheControl: 'no-cache' }));
app.use(negotiatedStatic(dir, { cacheControl: 'public, max-age=31536000, immutable' }));
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address() as { port: number };
  console.log(`LISTENING http://127.0.0.1:${address.port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
