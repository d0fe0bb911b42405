/**
 * A server run from the command line (`proxy-server/main.ts`, `dev/main.ts`):
 * prints its banner, closes gracefully once on SIGINT or SIGTERM, and turns a
 * configuration error into its one line and exit code 1.
 */
import { ConfigError } from './config.ts';

export async function runFromCommandLine(start: () => Promise<{ close(): Promise<void>; banner: string[] }>): Promise<void> {
  try {
    const server = await start();
    console.log(server.banner.join('\n'));
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.log(`${signal}: shutting down`);
      server.close().then(() => process.exit(0), () => process.exit(1));
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}
