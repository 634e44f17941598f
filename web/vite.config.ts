import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run dev` serves the app with hot reload on :5173 and sends API calls to the running gateway,
// so the browser sees one origin as it does in production.
const gateway = process.env.DELMS_GATEWAY_URL ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': gateway,
      '/app-config.json': gateway,
    },
  },
  build: {
    // Hashed file names under /assets are cached as immutable by the gateway.
    assetsDir: 'assets',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    // No manual chunks: lazy routes and the lazy chart modules decide the split, so the chart
    // library stays out of everything a first screen loads.
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // antd renders slowly under jsdom on a busy 2-core machine; a bound, not a pause
    testTimeout: 60_000,
  },
});
