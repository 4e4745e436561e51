import { screen, waitFor } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { buildUser } from "@/testing/builders";
import { renderApp } from "@/testing/render";
import { server, signedOut } from "@/testing/server";

describe("settings", () => {
  it("saves the time zone and day start", async () => {
    let patch: unknown;
    server.use(
      http.patch("*/api/auth/me/", async ({ request }) => {
        patch = await request.json();
        return HttpResponse.json(buildUser({ time_zone: "Asia/Tokyo", day_start_hour: 4 }));
      }),
    );
    const { user } = renderApp("/settings");
    expect(await screen.findByLabelText("Time zone")).toHaveValue("Europe/Berlin");
    await user.selectOptions(screen.getByLabelText("Time zone"), "Asia/Tokyo");
    await user.selectOptions(screen.getByLabelText("New day starts at"), "04:00");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Settings saved.")).toBeInTheDocument();
    expect(patch).toEqual({ time_zone: "Asia/Tokyo", day_start_hour: 4 });
  });

  it("imports a Loop file and summarises what changed", async () => {
    let received: File | null = null;
    server.use(
      http.post("*/api/import/loop/", async ({ request }) => {
        received = (await request.formData()).get("file") as File;
        return HttpResponse.json({ habits_created: 2, habits_updated: 1, entries_created: 340, entries_updated: 5 });
      }),
    );
    const { user } = renderApp("/settings");
    const file = new File(["PK fake zip"], "Loop Habits CSV.zip", { type: "application/zip" });
    await user.upload(await screen.findByLabelText("Loop CSV zip or Loop backup (.db)"), file);
    await user.click(screen.getByRole("button", { name: "Import" }));
    expect(await screen.findByText("Import finished.")).toBeInTheDocument();
    expect(screen.getByText("2 habits created, 1 updated")).toBeInTheDocument();
    expect(screen.getByText("340 check-ins created, 5 updated")).toBeInTheDocument();
    expect(received).not.toBeNull();
  });

  it("explains a rejected import", async () => {
    server.use(
      http.post("*/api/import/loop/", () =>
        HttpResponse.json(
          { detail: "The zip has no Habits.csv: is it a Loop export?", code: "invalid_import" },
          { status: 400 },
        ),
      ),
    );
    const { user } = renderApp("/settings");
    await user.upload(await screen.findByLabelText("Loop CSV zip or Loop backup (.db)"), new File(["x"], "photo.zip"));
    await user.click(screen.getByRole("button", { name: "Import" }));
    expect(
      await screen.findByText("Import failed: The zip has no Habits.csv: is it a Loop export?"),
    ).toBeInTheDocument();
  });

  it("offers both downloads: the backup and Loop's CSV", async () => {
    renderApp("/settings");
    const backup = await screen.findByRole("link", { name: "Download backup (.zip)" });
    expect(backup).toHaveAttribute("href", "/api/export/backup/");
    expect(backup).toHaveAttribute("download");
    expect(screen.getByRole("heading", { name: "Backup (restores everything here)", level: 2 })).toBeInTheDocument();
    const loop = screen.getByRole("link", { name: "Download Loop CSV (.zip)" });
    expect(loop).toHaveAttribute("href", "/api/export/loop/");
    expect(screen.getByRole("heading", { name: "Loop CSV (for other apps)", level: 2 })).toBeInTheDocument();
    expect(screen.getByLabelText("Loop CSV zip or Loop backup (.db)")).toHaveAttribute(
      "accept",
      expect.stringContaining(".db"),
    );
  });

  it("restores a backup only once told it replaces everything, and summarises", async () => {
    let received: File | null = null;
    server.use(
      http.post("*/api/import/backup/", async ({ request }) => {
        received = (await request.formData()).get("file") as File;
        return HttpResponse.json({
          habits_restored: 3,
          entries_restored: 120,
          habits_replaced: 2,
          entries_replaced: 7,
        });
      }),
    );
    const { user } = renderApp("/settings");
    await user.upload(
      await screen.findByLabelText("Backup file (.zip)"),
      new File(["PK"], "habits-backup.zip", { type: "application/zip" }),
    );
    const restore = screen.getByRole("button", { name: "Restore backup" });
    expect(restore).toBeDisabled();
    await user.click(screen.getByRole("checkbox", { name: "Replace all my habits and check-ins with the backup's" }));
    await user.click(restore);
    expect(await screen.findByText("Backup restored.")).toBeInTheDocument();
    expect(screen.getByText("3 habits and 120 check-ins restored")).toBeInTheDocument();
    expect(screen.getByText("2 habits and 7 check-ins replaced")).toBeInTheDocument();
    expect(received).not.toBeNull();
    expect(screen.getByRole("checkbox", { name: /Replace all my habits/ })).not.toBeChecked();
  });

  it("explains a refused restore", async () => {
    server.use(
      http.post("*/api/import/backup/", () =>
        HttpResponse.json(
          {
            detail: "Invalid input.",
            code: "invalid",
            errors: { file: ["The zip has no manifest.json: it is not a backup made by this app."] },
          },
          { status: 400 },
        ),
      ),
    );
    const { user } = renderApp("/settings");
    await user.upload(await screen.findByLabelText("Backup file (.zip)"), new File(["x"], "photo.zip"));
    await user.click(screen.getByRole("checkbox", { name: /Replace all my habits/ }));
    await user.click(screen.getByRole("button", { name: "Restore backup" }));
    expect(await screen.findByText(/^Restore failed: /)).toBeInTheDocument();
  });

  it("asks for a file before sending anything", async () => {
    const { user } = renderApp("/settings");
    await user.click(await screen.findByRole("button", { name: "Import" }));
    expect(await screen.findByText("Choose a Loop file (.zip or .db) first.")).toBeInTheDocument();
  });

  it("deletes the account only with the password", async () => {
    let body: unknown;
    server.use(
      http.delete("*/api/auth/me/", async ({ request }) => {
        body = await request.json();
        signedOut();
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user } = renderApp("/settings");
    const button = await screen.findByRole("button", { name: "Delete my account" });
    expect(button).toBeDisabled();
    await user.type(screen.getByLabelText("Your password, to confirm"), "secret-pass");
    await user.click(button);
    expect(await screen.findByRole("heading", { name: "Create your account", level: 1 })).toBeInTheDocument();
    expect(body).toEqual({ password: "secret-pass" });
  });

  it("signs out straight to sign-in, without asking the server who is signed in", async () => {
    let session: ReturnType<typeof signedOut> | undefined;
    server.use(
      http.post("*/api/auth/logout/", () => {
        session = signedOut();
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user } = renderApp("/settings");
    await user.click(await screen.findByRole("button", { name: "Sign out" }));
    await waitFor(() => expect(screen.getByRole("heading", { name: "Sign in", level: 1 })).toBeInTheDocument());
    expect(session?.meCalls()).toBe(0);
  });
});
