/** Listens: the sandbox on a port (0 = ephemeral), for tests and `main.ts`. */
import type { AddressInfo } from 'node:net';
import { createSandbox, type Sandbox, type SandboxOptions } from './app.ts';

export async function startSandbox(options: SandboxOptions & { port?: number; host?: string }): Promise<Sandbox & { url: string }> {
  const { port = 0, host = '127.0.0.1', ...rest } = options;
  const sandbox = createSandbox(rest);
  const server = sandbox.app.listen(port, host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    ...sandbox,
    url: `http://${shown}:${address.port}`,
    async close() {
      await sandbox.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
