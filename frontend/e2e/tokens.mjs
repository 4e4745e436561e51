// Browser end-to-end steps for personal API tokens, on a fresh account of their own: a read-only
// and a read-write token created in Settings and used from Node's fetch as a script would (no
// cookies, no CSRF): both read, the read-only one is refused a write (403), the read-write one
// creates a habit and checks it in for today, which Today then shows; revoked in Settings, the
// token is a 401 at once while the other still works.
import { mailLink } from "./accounts.mjs";
import { assert, captureScreen } from "./harness.mjs";

const heading = (page, name) => page.getByRole("heading", { level: 1, name, exact: true });

/** A request of a script holding `token`: the status, the WWW-Authenticate header and the body. */
async function withToken(baseUrl, token, method, path, body) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    challenge: response.headers.get("www-authenticate"),
    body: text ? JSON.parse(text) : null,
  };
}

/** Signs up from a signed-out browser; a browser still signed in (the steps before) signs out first. */
async function signUp(page, baseUrl, email, password) {
  await page.goto(`${baseUrl}/sign-up`);
  await page.getByRole("heading", { level: 1, name: /^(Create your account|Today)$/ }).waitFor();
  if (await heading(page, "Today").isVisible()) {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await heading(page, "Sign in").waitFor();
    await page.goto(`${baseUrl}/sign-up`);
  }
  await heading(page, "Create your account").waitFor();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await heading(page, "Check your inbox").waitFor();
  await page.goto(await mailLink(baseUrl, email, "signup"));
  await page.getByRole("button", { name: "Create my account" }).click();
  await heading(page, "Today").waitFor();
}

/** Creates a token in Settings' "API tokens" section; its value, read where the page shows it once. */
async function createToken(page, name, access) {
  const section = page.getByRole("region", { name: "API tokens" });
  await section.getByLabel("Token name").fill(name);
  await section.getByRole("radio", { name: new RegExp(`^${access}`) }).check();
  await section.getByRole("button", { name: "Create token" }).click();
  const shown = section.getByLabel("New token");
  await shown.waitFor();
  await section.getByText("you won't see it again", { exact: false }).waitFor();
  const value = await shown.inputValue();
  assert(/^htk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/.test(value), `the page showed "${value}" as the token`);
  await section.getByRole("list", { name: "Your API tokens" }).getByText(name, { exact: true }).waitFor();
  return value;
}

export function tokenScenario(baseUrl) {
  const email = `tokens-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const password = "tokens-Passphrase-2026";
  const tokens = {};
  return [
    [
      "tokens: made in Settings, read-only and read-write tokens read; only the read-write one writes",
      async ({ page }) => {
        await signUp(page, baseUrl, email, password);
        await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
        await heading(page, "Settings").waitFor();
        tokens.reader = await createToken(page, "E2E reader", "Read only");
        await captureScreen(page, "settings-api-token-created");
        await page.getByRole("region", { name: "API tokens" }).getByRole("button", { name: "Done" }).click();
        tokens.writer = await createToken(page, "E2E writer", "Read and write");
        await page.getByRole("region", { name: "API tokens" }).getByRole("button", { name: "Done" }).click();
        assert(tokens.reader !== tokens.writer, "two tokens had the same value");

        for (const token of [tokens.reader, tokens.writer]) {
          const read = await withToken(baseUrl, token, "GET", "/api/habits/");
          assert(read.status === 200 && Array.isArray(read.body), `a token's read answered ${read.status}`);
        }
        const refused = await withToken(baseUrl, tokens.reader, "POST", "/api/habits/", { name: "Nope" });
        assert(refused.status === 403, `the read-only token's write answered ${refused.status}`);
        assert(/read-only/.test(refused.body.detail), `the refusal said "${refused.body.detail}"`);

        const made = await withToken(baseUrl, tokens.writer, "POST", "/api/habits/", { name: "Stretch" });
        assert(made.status === 201, `the read-write token's create answered ${made.status}`);
        const checkIn = await withToken(baseUrl, tokens.writer, "PUT", `/api/habits/${made.body.id}/entries/today/`, {
          status: "done",
        });
        assert(checkIn.status === 200, `the read-write token's check-in answered ${checkIn.status}`);
        const habits = await withToken(baseUrl, tokens.reader, "GET", "/api/habits/");
        assert(
          habits.body.length === 1 && habits.body[0].today_entry?.status === "done",
          `the habits after the check-in: ${JSON.stringify(habits.body)}`,
        );
        await page.goto(`${baseUrl}/`);
        await page.getByRole("button", { name: "Stretch, today: done" }).waitFor();

        // The list says when each token was last used.
        await page.goto(`${baseUrl}/settings`);
        const list = page.getByRole("list", { name: "Your API tokens" });
        for (const name of ["E2E reader", "E2E writer"]) {
          await list.getByRole("listitem").filter({ hasText: name }).getByText("last used", { exact: false }).waitFor();
        }
        await captureScreen(page, "settings-api-tokens");
      },
    ],
    [
      "tokens: revoked in Settings, a token is refused at once (401); the other still works",
      async ({ page }) => {
        const section = page.getByRole("region", { name: "API tokens" });
        await section.getByRole("button", { name: "Revoke token E2E writer", exact: true }).click();
        await section.getByRole("button", { name: "Revoke token E2E writer for good" }).click();
        await page.getByText("Token “E2E writer” revoked.", { exact: false }).waitFor();
        const list = section.getByRole("list", { name: "Your API tokens" });
        await list.getByText("E2E writer", { exact: true }).waitFor({ state: "detached" });

        const revoked = await withToken(baseUrl, tokens.writer, "GET", "/api/habits/");
        assert(revoked.status === 401, `the revoked token answered ${revoked.status}`);
        assert(revoked.challenge?.startsWith("Bearer"), `the 401 challenged "${revoked.challenge}"`);
        const reader = await withToken(baseUrl, tokens.reader, "GET", "/api/habits/");
        assert(reader.status === 200, `the other token answered ${reader.status} after the revocation`);
        // A token cannot manage tokens (nor anything else of the account).
        const manage = await withToken(baseUrl, tokens.reader, "GET", "/api/auth/tokens/");
        assert(manage.status === 401, `a token listing tokens answered ${manage.status}`);

        await page.getByRole("button", { name: "Sign out" }).click();
        await heading(page, "Sign in").waitFor();
      },
    ],
  ];
}
