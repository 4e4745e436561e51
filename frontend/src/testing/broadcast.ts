import { BroadcastChannel as NodeBroadcastChannel } from "node:worker_threads";
import { vi } from "vitest";

/**
 * A real BroadcastChannel for one test file, as a page and the service worker (or two tabs) talk
 * over it. The setup leaves BroadcastChannel out, as test files run side by side in worker threads
 * of one process, which Node's channel reaches: each file's channels get names of their own.
 */
export function withFileBroadcastChannel(file: string): void {
  class FileChannel extends NodeBroadcastChannel {
    constructor(name: string) {
      super(`${file}:${name}`);
    }
  }
  vi.stubGlobal("BroadcastChannel", FileChannel);
}

/** Back to the setup's: no BroadcastChannel. */
export function dropBroadcastChannel(): void {
  vi.stubGlobal("BroadcastChannel", undefined);
}
