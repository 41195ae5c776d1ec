// Makes sure tests have the system programs they drive: Debian's Chromium for the browser tests,
// redis-server for the gateway's shared-cache tests and a CJK font (Noto Sans CJK), so that the layout tests
// measure the glyphs a Chinese reader sees rather than a fallback's boxes. Installed with apt-get when we may, else the exact
// command is printed. Test tools' own browser downloads do not work on this network, so none are used.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath } from './lib/chromium.mjs';

function ensureDebianPackage(binary, pkg) {
  if (existsSync(binary)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    throw new Error(`${pkg} is missing. Install it with:\n\n  sudo apt-get update && sudo apt-get install -y ${pkg}\n`);
  }
  console.log(`${pkg} is missing; installing Debian's package (apt-get install -y ${pkg})…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', pkg], { stdio: 'inherit', env });
  if (!existsSync(binary)) throw new Error(`apt-get finished but ${binary} is still missing.`);
}

export function ensureChromium() {
  if (process.env.CHROMIUM_PATH && !existsSync(chromiumPath)) {
    throw new Error(`CHROMIUM_PATH is set to ${chromiumPath}, which does not exist.`);
  }
  ensureDebianPackage(chromiumPath, 'chromium');
}

export function ensureRedis() {
  ensureDebianPackage('/usr/bin/redis-server', 'redis-server');
}

export function ensureCjkFont() {
  ensureDebianPackage('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', 'fonts-noto-cjk');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    ensureChromium();
    ensureRedis();
    ensureCjkFont();
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
