import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

const uiRoot = fileURLToPath(new URL(".", import.meta.url));

// One config for the UI build (`npm run build:ui`) and its unit tests (`npm run test:ui`).
export default defineConfig({
  root: uiRoot,
  base: "./",
  plugins: [react()],
  clearScreen: false,
  cacheDir: "../node_modules/.vite",
  server: { port: 1420, strictPort: true },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // Keep every asset a real file: the CSP forbids inline data for scripts and styles.
    assetsInlineLimit: 0,
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["src/test/setup.ts"],
    restoreMocks: true,
  },
});
