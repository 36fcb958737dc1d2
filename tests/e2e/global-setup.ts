import { execFileSync } from 'node:child_process';

/**
 * The e2e tests drive production builds, as a rep would install them (dev builds register content scripts late).
 * KEPT_E2E_SKIP_BUILD=1 reuses .output when it is already fresh.
 */
export default function buildExtension(): void {
  if (process.env.KEPT_E2E_SKIP_BUILD === '1') return;
  // Vitest runs with NODE_ENV=test, which would bundle React's development build: build what ships instead.
  const env = { ...process.env, NODE_ENV: 'production' };
  execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit', env });
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], { stdio: 'inherit', env });
}
