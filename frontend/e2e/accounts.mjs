// Browser end-to-end steps for accounts, run after the main scenario on its page (signed out by
// then): sign-up through the emailed link, with a taken address answered alike; a forgotten
// password whose link signs in and ends an older session elsewhere; a new address confirmed from
// its inbox; a passkey added in Settings and used to sign in (a CDP virtual authenticator).
// Mail is read where a person would find it locally: GET /api/dev/mail/?to=<address>.
import { assert, captureScreen, watchConsole } from "./harness.mjs";

const TIMEOUT = 15_000;

const heading = (page, name) => page.getByRole("heading", { level: 1, name, exact: true });

/** The newest mail of `kind` to `to` on the local mail page (asked from Node, outside the page). */
export async function mailTo(baseUrl, to, kind) {
  const deadline = Date.now() + TIMEOUT;
  for (;;) {
    const response = await fetch(`${baseUrl}/api/dev/mail/?to=${encodeURIComponent(to)}`);
    assert(response.ok, `GET /api/dev/mail/ answered ${response.status}`);
    const mail = (await response.json()).find((message) => message.kind === kind);
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no "${kind}" mail to ${to}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The one link in the newest mail of `kind` to `to`: a page of this site, its secret after `#`. */
export async function mailLink(baseUrl, to, kind) {
  const { links } = await mailTo(baseUrl, to, kind);
  assert(links.length === 1 && links[0].startsWith(`${baseUrl}/`), `the "${kind}" mail links ${links.join(", ")}`);
  return links[0];
}

async function signIn(page, email, password) {
  await heading(page, "Sign in").waitFor();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await heading(page, "Today").waitFor();
}

async function openSettings(page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await heading(page, "Settings").waitFor();
}

async function signOut(page) {
  await openSettings(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await heading(page, "Sign in").waitFor();
}

/**
 * Fills in sign-up and sends it: the API's status and body, and the words the page then shows
 * (without the local-run mail note, which only local runs have).
 */
async function register(page, email, password) {
  await heading(page, "Create your account").waitFor();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  const [response] = await Promise.all([
    page.waitForResponse(
      (answer) => new URL(answer.url()).pathname === "/api/auth/register/" && answer.request().method() === "POST",
    ),
    page.getByRole("button", { name: "Create account" }).click(),
  ]);
  await heading(page, "Check your inbox").waitFor();
  const text = await page.locator(".auth-card").evaluate((card) => {
    const copy = card.cloneNode(true);
    copy.querySelector(".local-mail")?.remove();
    return copy.textContent;
  });
  return { status: response.status(), body: await response.json(), text };
}

export function accountScenario(baseUrl) {
  const stamp = Date.now();
  const email = `accounts-${stamp}@example.com`;
  const newEmail = `accounts-new-${stamp}@example.com`;
  const firstPassword = "first-Passphrase-2026";
  const newPassword = "second-Passphrase-2026";
  return [
    [
      "accounts: signs up through the emailed link, and a taken address is answered alike",
      async ({ page }) => {
        await page.goto(`${baseUrl}/sign-up`);
        const first = await register(page, email, firstPassword);
        assert(first.status === 202, `sign-up answered ${first.status}`);
        await page.getByText("Running locally:").waitFor();
        await captureScreen(page, "sign-up-check-inbox");
        await page.goto(await mailLink(baseUrl, email, "signup"));
        await heading(page, "Finish signing up").waitFor();
        await captureScreen(page, "sign-up-confirm");
        await page.getByRole("button", { name: "Create my account" }).click();
        await heading(page, "Today").waitFor();
        await page.getByRole("heading", { name: "No habits yet" }).waitFor();

        // The address has an account now: the same request gets the same answer and the same
        // page; only the mail differs, and it goes to the owner.
        await signOut(page);
        await page.goto(`${baseUrl}/sign-up`);
        const again = await register(page, email, "another-Passphrase-99");
        assert(
          again.status === first.status && JSON.stringify(again.body) === JSON.stringify(first.body),
          `a taken address answered ${again.status} ${JSON.stringify(again.body)}, a new one ${first.status} ${JSON.stringify(first.body)}`,
        );
        assert(again.text === first.text, `the page said "${again.text}" instead of "${first.text}"`);
        await mailTo(baseUrl, email, "signup_taken");
      },
    ],
    [
      "accounts: a forgotten password's link sets a new one, signs in and ends an older session",
      async ({ page }) => {
        const other = await page
          .context()
          .browser()
          .newContext({ viewport: { width: 1280, height: 800 } });
        other.setDefaultTimeout(TIMEOUT);
        try {
          const otherPage = await other.newPage();
          const otherWatch = watchConsole(otherPage);
          await otherPage.goto(`${baseUrl}/sign-in`);
          await signIn(otherPage, email, firstPassword);

          await page.goto(`${baseUrl}/sign-in`);
          await page.getByRole("link", { name: "Forgot your password?" }).click();
          await heading(page, "Forgot your password?").waitFor();
          await captureScreen(page, "forgot-password");
          await page.getByLabel("Email").fill(email);
          await page.getByRole("button", { name: "Mail me a link" }).click();
          await heading(page, "Check your inbox").waitFor();
          await page.goto(await mailLink(baseUrl, email, "password_reset"));
          await heading(page, "Choose a new password").waitFor();
          await captureScreen(page, "reset-password");
          await page.getByLabel("New password").fill(newPassword);
          await page.getByRole("button", { name: "Set new password" }).click();
          await heading(page, "Today").waitFor();
          await page.getByText("Every other session was signed out.", { exact: false }).waitFor();

          // The other browser signed in before the reset: its session is gone.
          await otherPage.reload();
          await heading(otherPage, "Sign in").waitFor();
          const session = await (await other.request.get(`${baseUrl}/api/auth/csrf/`)).json();
          assert(session.authenticated === false, "the older session still works after the reset");
          const problems = otherWatch.take();
          assert(problems.length === 0, `the other browser's console:\n  ${problems.join("\n  ")}`);
        } finally {
          await other.close();
        }
      },
    ],
    [
      "accounts: changes the sign-in address with the link sent to the new one",
      async ({ page }) => {
        await openSettings(page);
        const change = page.getByRole("form", { name: "Change email address" });
        await change.getByLabel("New email address").fill(newEmail);
        await change.getByLabel("Current password").fill(newPassword);
        await change.getByRole("button", { name: "Send confirmation link" }).click();
        await change.getByText("Check the new address's inbox", { exact: false }).waitFor();
        await captureScreen(page, "settings-security");
        await mailTo(baseUrl, email, "email_change_requested");
        await page.goto(await mailLink(baseUrl, newEmail, "email_confirm"));
        await heading(page, "Confirm your new address").waitFor();
        await captureScreen(page, "confirm-email");
        await page.getByRole("button", { name: "Confirm new address" }).click();
        await heading(page, "Address changed").waitFor();
        await page.getByText(newEmail).waitFor();
        await page.getByRole("link", { name: "Back to Settings" }).click();
        await heading(page, "Settings").waitFor();
        await page.getByText(`Signed in as ${newEmail}.`).waitFor();
      },
    ],
    [
      "accounts: adds a passkey in Settings and signs in with it",
      async ({ page }) => {
        const cdp = await page.context().newCDPSession(page);
        await cdp.send("WebAuthn.enable");
        const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
          options: {
            protocol: "ctap2",
            transport: "internal",
            hasResidentKey: true,
            hasUserVerification: true,
            isUserVerified: true,
            automaticPresenceSimulation: true,
          },
        });
        try {
          const add = page.getByRole("form", { name: "Add a passkey" });
          await add.getByLabel("Passkey name").fill("E2E laptop");
          await add.getByLabel("Current password").fill(newPassword);
          await add.getByRole("button", { name: "Add passkey" }).click();
          await page.getByText("Passkey “E2E laptop” added.", { exact: false }).waitFor();
          const list = page.getByRole("list", { name: "Your passkeys" });
          await list.getByText("not used yet", { exact: false }).waitFor();
          const made = (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials;
          assert(made.length === 1 && made[0].isResidentCredential, "the authenticator holds no discoverable passkey");
          await captureScreen(page, "settings-passkeys");

          await signOut(page);
          await page.getByRole("button", { name: "Sign in with a passkey" }).click();
          await heading(page, "Today").waitFor();
          const [used] = (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials;
          assert(used.signCount > made[0].signCount, "the passkey did not sign the sign-in");

          await openSettings(page);
          await list.getByText("last used", { exact: false }).waitFor();
          await page.getByRole("button", { name: "Remove passkey E2E laptop" }).click();
          await page.getByText("Passkey “E2E laptop” removed.").waitFor();
          await page.getByText("No passkeys yet.").waitFor();
        } finally {
          await cdp.send("WebAuthn.removeVirtualAuthenticator", { authenticatorId }).catch(() => {});
          await cdp.detach().catch(() => {});
        }
      },
    ],
  ];
}
