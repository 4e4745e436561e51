// Browser end-to-end step for imports as jobs, run after the accounts steps (signed in by then): a
// file the import refuses ends as a failed job whose message the page shows, and the account's
// habits are exactly as before (asked from the API, outside the page).
import { assert, captureScreen } from "./harness.mjs";

const TIMEOUT = 15_000;

export function importScenario(baseUrl) {
  return [
    [
      "imports: a refused file fails its job with the reason, and the habits stay as they were",
      async ({ page }) => {
        await page.goto(`${baseUrl}/settings`);
        await page.getByRole("heading", { level: 1, name: "Settings", exact: true }).waitFor();
        const habits = async () => {
          const response = await page.request.get(`${baseUrl}/api/habits/`);
          assert(response.ok(), `GET /api/habits/ answered ${response.status()}`);
          return JSON.stringify(await response.json());
        };
        const before = await habits();
        await page.getByLabel("Loop CSV zip or Loop backup (.db)").setInputFiles({
          name: "not-a-loop-export.zip",
          mimeType: "application/zip",
          buffer: Buffer.from("PK\u0003\u0004 this is not a zip at all"),
        });
        await page.getByRole("button", { name: "Import" }).click();
        // The reader's reason, after the warning sign the error line starts with.
        await page.getByText(/Import failed: This is not a zip file/).waitFor({ timeout: TIMEOUT });
        await captureScreen(page, "settings-import-refused");
        assert((await habits()) === before, "a refused import changed the habits");
      },
    ],
  ];
}
