// Browser tests in Debian Chromium. The wtr dev server plays the merchant
// site: it forwards the proxy's paths to a real proxy + embedded sandbox
// started here, and `POST /test/session?user=...` mints a session the way a
// merchant backend would (the server secret never reaches the page).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { startTestStack } from './test/support/node/stack.ts';

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const stack = await startTestStack();

export default {
  files: ['test/widget/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  concurrency: 2,
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' })],
  middleware: [stack.middleware],
  browsers: [chromeLauncher({ launchOptions: { executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] } })],
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 600000,
};

for (const signal of ['exit', 'SIGINT', 'SIGTERM']) process.once(signal, () => void stack.close());
