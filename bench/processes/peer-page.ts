/** Serves the minimal Lit page the way the proxy serves the widget (precompressed, negotiated). */
import express from 'express';
import { join } from 'node:path';
import { negotiatedStatic, sendNegotiated } from '../../proxy-server/static-files.ts';

const dir = process.env.BENCH_PEER_DIR!;
const app = express();
app.get('/', (req, res) => void sendNegotiated(req, res, join(dir, 'index.html'), { cacheControl: 'no-cache' }));
app.use(negotiatedStatic(dir, { cacheControl: 'public, max-age=31536000, immutable' }));
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address() as { port: number };
  console.log(`LISTENING http://127.0.0.1:${address.port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
