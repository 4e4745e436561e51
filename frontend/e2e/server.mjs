// Starts a throwaway Django server for the browser tests: its own SQLite file in a fresh temp
// directory, migrated, on a free port of 127.0.0.1 reached as localhost, serving the built SPA
// from frontend/dist. Local settings: mail is kept and listed at /api/dev/mail/. Push reminders on:
// a VAPID key made for the run, and subscriptions may name a local push service (reminders.mjs).
import { spawn, spawnSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const backend = join(root, "backend");

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

async function waitFor(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Django exited early with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Django did not answer ${url} within ${timeoutMs / 1000} s`);
}

export async function startBackend() {
  const python = process.env.PYTHON || join(root, ".venv", "bin", "python");
  const dir = mkdtempSync(join(tmpdir(), "habits-e2e-"));
  const env = {
    ...process.env,
    DJANGO_SETTINGS_MODULE: "config.settings.local",
    DATABASE_URL: `sqlite:///${join(dir, "e2e.sqlite3")}`,
    DJANGO_DEMO_DATA: "0",
    // Import files wait in the run's own directory (the local store), removed with it.
    TRANSFER_DIR: join(dir, "transfers"),
    PYTHONUNBUFFERED: "1",
    VAPID_PRIVATE_KEY: generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ format: "jwk" }).d,
    PUSH_ALLOW_ANY_ENDPOINT: "1",
  };
  const migrate = spawnSync(python, ["manage.py", "migrate", "--noinput"], { cwd: backend, env, encoding: "utf8" });
  if (migrate.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`migrate failed:\n${migrate.stdout}\n${migrate.stderr}`);
  }
  const port = await freePort();
  // Passkeys need a host name (an IP address cannot be a relying party): the suite browses
  // http://localhost:<port>, and the server takes passkey answers from that origin.
  const baseUrl = `http://localhost:${port}`;
  env.WEBAUTHN_ORIGINS = baseUrl;
  const child = spawn(python, ["manage.py", "runserver", `127.0.0.1:${port}`, "--noreload"], {
    cwd: backend,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const keep = (chunk) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  try {
    await waitFor(`${baseUrl}/health/`, child, 30_000);
  } catch (error) {
    child.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${error.message}\n--- server log ---\n${log}`, { cause: error });
  }
  return {
    baseUrl,
    log: () => log,
    /**
     * Runs a management command against this server's database (the reminders' sender, say);
     * resolves with its output. Asynchronous: the command may call servers of this Node process.
     */
    manage(...args) {
      return new Promise((resolveRun, reject) => {
        const run = spawn(python, ["manage.py", ...args], { cwd: backend, env, stdio: ["ignore", "pipe", "pipe"] });
        let out = "";
        run.stdout.on("data", (chunk) => (out += chunk));
        run.stderr.on("data", (chunk) => (out += chunk));
        run.on("error", reject);
        run.on("exit", (code) =>
          code === 0 ? resolveRun(out) : reject(new Error(`manage.py ${args.join(" ")} failed:\n${out}`)),
        );
      });
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await new Promise((r) => child.once("exit", r));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
