/// <reference types="vitest/config" />
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

// Vite empties dist/ before each build; dist/.gitkeep must come back so that
// `go build` on a fresh clone still finds the embedded directory.
const keepGitkeep: Plugin = {
  name: 'dialoog-keep-gitkeep',
  apply: 'build',
  closeBundle() {
    writeFileSync(resolve(import.meta.dirname, 'dist/.gitkeep'), '');
  },
};

const backend = process.env.DIALOOG_DEV_BACKEND ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [svelte(), svelteTesting(), keepGitkeep],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // one small CSS file per lazy screen is fine; the sign-in page loads only the shell's
    cssCodeSplit: true,
    reportCompressedSize: true,
  },
  server: {
    proxy: {
      '/api': backend,
      '/healthz': backend,
      '/readyz': backend,
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
  },
});
