// Headless Chromium for the browser tests and the README screenshot: Debian's /usr/bin/chromium driven by playwright-core.
//
// The machine's network is closed: without these flags Chromium keeps trying to reach its
// services (updates, sync, QUIC probes) and floods the log with refused connections. Each
// launch gets a fresh profile folder, removed on close.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.MILESTONES_CHROMIUM || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Launches Chromium with a fresh profile. A missing browser is an error naming the fix, never
 * a reason to skip: `.ci/run` installs Debian's package when it is missing.
 */
export async function launchChromium(opts: { colorScheme?: 'light' | 'dark' } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: install Debian's package (apt-get install -y chromium; .ci/run does this) or set MILESTONES_CHROMIUM`);
  }
  const profile = mkdtempSync(path.join(os.tmpdir(), 'milestones-chromium-'));
  // Generous bounds: they only stop a hung browser, they measure nothing.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    // The profile folder becomes --user-data-dir (playwright passes it; giving it in args is refused).
    args: CHROMIUM_ARGS,
    timeout: 180_000,
    colorScheme: opts.colorScheme ?? 'light',
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(120_000);
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
