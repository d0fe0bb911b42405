/**
 * One proxy as an OS process of its own, configured by its environment like
 * production (`proxy-server/main.ts`), for multi-process tests and the bench. Prints
 * `listening <url>` once it answers; SIGTERM shuts it down gracefully.
 */
import { startServer } from '../proxy-server/server.ts';

const server = await startServer(process.env, { port: 0, host: '127.0.0.1' });
process.stdout.write(`listening ${server.url}\n`);
process.on('SIGTERM', () => {
  server.close().then(() => process.exit(0), () => process.exit(1));
});
