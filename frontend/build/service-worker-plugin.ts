import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { build, type Plugin, type ResolvedConfig } from "vite";

interface ServiceWorkerOptions {
  /** The worker's source, bundled on its own into `sw.js` at the root of the build. */
  entry: string;
  /** Import aliases the worker's source uses (the app's `@`). */
  alias: Record<string, string>;
}

/**
 * Builds the service worker after the app: one classic script, `sw.js`, at the site's root (so its
 * scope is the whole app), told which files to precache and the build's version. The list is every
 * file of this build: index.html (as "/"), the hashed assets and the public files (manifest, icons);
 * the version is a hash of their names and the public files' contents, so any change of the app
 * makes a new worker.
 */
export function serviceWorker({ entry, alias }: ServiceWorkerOptions): Plugin {
  let config: ResolvedConfig;
  let built: string[] = [];
  return {
    name: "habits-service-worker",
    apply: "build",
    configResolved(resolved) {
      config = resolved;
    },
    writeBundle(_options, bundle) {
      built = Object.keys(bundle);
    },
    async closeBundle() {
      const publicDir = config.publicDir;
      const publicFiles = publicDir
        ? readdirSync(publicDir).filter((name) => statSync(join(publicDir, name)).isFile())
        : [];
      const urls = [
        "/",
        ...built.filter((name) => name !== "index.html" && !name.endsWith(".map")).map((name) => `/${name}`),
        ...publicFiles.map((name) => `/${name}`),
      ];
      const hash = createHash("sha256").update(urls.join("\n"));
      for (const name of publicFiles) hash.update(readFileSync(join(publicDir, name)));
      await build({
        configFile: false,
        logLevel: "warn",
        resolve: { alias },
        define: {
          __PRECACHE__: JSON.stringify(urls),
          __VERSION__: JSON.stringify(hash.digest("hex").slice(0, 12)),
        },
        build: {
          outDir: config.build.outDir,
          emptyOutDir: false,
          copyPublicDir: false,
          minify: true,
          lib: { entry, formats: ["iife"], name: "habitsServiceWorker", fileName: () => "sw.js" },
        },
      });
    },
  };
}
