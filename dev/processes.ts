/** Starts and stops proxies as separate OS processes (dev/proxy-process.ts), for multi-process tests and the bench. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const SCRIPT = join(import.meta.dirname, 'proxy-process.ts');
const START_MS = 30_000;

export interface ProxyProcess {
  url: string;
  child: ChildProcess;
  /** SIGTERM: graceful shutdown, as a load balancer's drain would. */
  close(): Promise<void>;
  /** SIGKILL: the process dies mid-whatever, as in a crash. */
  kill(): Promise<void>;
}

export interface ProxyProcessOptions {
  /** Lowers the process's open-file limit (`ulimit -n`), as a small host would have it. */
  maxOpenFiles?: number;
}

export async function startProxyProcess(env: Record<string, string>, o: ProxyProcessOptions = {}): Promise<ProxyProcess> {
  const node = [process.execPath, '--import', 'tsx', SCRIPT];
  const [command, ...args] = o.maxOpenFiles === undefined ? node : ['/bin/sh', '-c', `ulimit -n ${Math.floor(o.maxOpenFiles)} && exec "$0" "$@"`, ...node];
  const child = spawn(command!, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`proxy process did not start in ${START_MS} ms: ${stderr}`)), START_MS);
    child.stdout!.on('data', (d) => {
      out += String(d);
      const m = /listening (\S+)\n/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`proxy process exited (${code}) before listening: ${stderr}`));
    });
  });
  const stop = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { url, child, close: () => stop('SIGTERM'), kill: () => stop('SIGKILL') };
}
