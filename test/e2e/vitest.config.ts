import { defineConfig } from 'vitest/config';

// Browser end-to-end tests (`npm run test:e2e`), kept out of `npm test`: they need Debian's Chromium at
// /usr/bin/chromium. One server (global-setup.ts) serves every file; files run one after another so a single
// browser at a time shares the two cores with the server.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
    // What a person would wait for a page to update, not vitest's default second: on a shared machine an API call
    // behind a click can take longer than that.
    expect: { poll: { timeout: 10_000 } },
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
