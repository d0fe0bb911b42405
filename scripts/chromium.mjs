// Finds the Chromium that browser tests use: CHROME_PATH, then Debian's
// /usr/bin/chromium. Test tools cannot download browsers on these machines, so
// when none is found we install Debian's package if we can (root + apt-get), or
// stop with one line that says how.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const CANDIDATES = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium() {
  return CANDIDATES.find((p) => p && existsSync(p));
}

export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canApt) {
    console.error('No Chromium found: install it (Debian: `sudo apt-get install -y chromium`) or set CHROME_PATH.');
    process.exit(1);
  }
  console.log('Installing Debian chromium for browser tests (apt-get)...');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  const installed = findChromium();
  if (!installed) {
    console.error('apt-get installed chromium but no binary was found at /usr/bin/chromium; set CHROME_PATH.');
    process.exit(1);
  }
  return installed;
}
