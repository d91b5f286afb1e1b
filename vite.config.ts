// Build, PWA and unit-test configuration. The service worker precaches every
// built asset so the whole app runs offline after one online visit; updates
// wait for the user (registerType 'prompt') and never reload mid-episode.
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { readFileSync } from 'node:fs';
import { keepUsedNhsukRules } from './scripts/build/keepUsedNhsukRules.ts';

const packageVersion = (JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }).version;
// A build label (e.g. the commit) makes each build's version distinct; the
// update e2e test uses it to build a "next" version of the app.
const appVersion = process.env.APP_BUILD_LABEL ? `${packageVersion}+${process.env.APP_BUILD_LABEL}` : packageVersion;

// No inline script, no third-party origin. Applied as a header by the preview
// server and as a meta tag in index.html (for any static host).
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  // The network server's address is set per tablet at enrolment (TLS in production; loopback for development and tests).
  "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'icons/*.png'],
      manifest: {
        id: '/',
        name: 'Cardiac Imaging Escalation Assistant',
        short_name: 'Escalate',
        description:
          'Locally signed-off escalation steps for emergencies found during community cardiac imaging (echo, CT, MRI), with a governance log. Works offline.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: '#005eb8',
        background_color: '#f0f4f5',
        lang: 'en-GB',
        categories: ['medical', 'health'],
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
        // Long-press on the installed icon: straight to the collapse pathway, or the finding list.
        shortcuts: [
          { name: 'Patient collapsed', short_name: 'Collapsed', description: 'Start the collapse / not breathing normally steps', url: '/escalate/collapse', icons: [{ src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' }] },
          { name: 'Escalate', short_name: 'Escalate', description: 'Choose the finding to escalate', url: '/escalate', icons: [{ src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' }] },
        ],
        // Shown by install prompts; made by tests/e2e/screens.e2e.ts (copied from test-results/screens).
        screenshots: [
          { src: 'screenshots/escalate-wide.png', sizes: '1024x768', type: 'image/png', form_factor: 'wide', label: 'The Escalate list on a landscape tablet' },
          { src: 'screenshots/log-narrow.png', sizes: '390x844', type: 'image/png', form_factor: 'narrow', label: 'The governance log on a phone, low-glare theme' },
        ],
      },
      workbox: {
        // Every asset the build emits, so no route or chunk ever needs the network.
        globPatterns: ['**/*.{js,css,html,svg,png,json,webmanifest,woff2}'],
        // Install-prompt pictures are never needed offline.
        globIgnores: ['screenshots/**'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
      },
    }),
  ],
  css: {
    // nhsuk-frontend's Sass (src/ui/nhs/nhs.scss) down to the classes the app renders.
    postcss: { plugins: [keepUsedNhsukRules()] },
  },
  define: {
    'import.meta.env.VITE_APP_VERSION': JSON.stringify(appVersion),
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    // Read by scripts/bench-size.mjs to tell the first screen from what loads after it.
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The sections' shared presentational pieces (never on the first screen) in one chunk, not one per
          // combination of sections: fewer files, and fewer names in the first screen's preload map.
          groups: [{ name: 'sections-ui', test: /[\\/]src[\\/]ui[\\/](Choices|SummaryList|DateInput|ErrorSummary|ErrorMessage|calendarDate|WarningCallout|files|useStoredData)\.tsx?$/ }],
          includeDependenciesRecursively: false,
        },
      },
    },
  },
  preview: {
    headers: securityHeaders,
  },
  server: {
    headers: securityHeaders,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['tests/setup.ts'],
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    restoreMocks: true,
    // CI machines have two cores; generous limits keep slow runs from failing
    // tests that are right. Speed is measured by the benchmarks, not here.
    testTimeout: 20_000,
  },
});
