import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Fixed ports on 127.0.0.1 (never `localhost`): Playwright's webServer and
// the e2e baseURL use the same preview port (see playwright.config.ts).
const DEV_PORT = 5173;
const PREVIEW_PORT = 4173;

export default defineConfig({
  plugins: [react()],
  // The simulator runs in a module Web Worker:
  // new Worker(new URL('./x.worker.ts', import.meta.url), { type: 'module' })
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: DEV_PORT, strictPort: true },
  preview: { host: '127.0.0.1', port: PREVIEW_PORT, strictPort: true },
  build: { target: 'es2022', sourcemap: true },
});
