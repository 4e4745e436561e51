import { screen, waitFor } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { buildImportJob, buildUser } from "@/testing/builders";
import { renderApp } from "@/testing/render";
import { server, signedOut } from "@/testing/server";

const apiUpload = { url: "/api/import/jobs/job-1/file/", form_fields: {}, direct: false };
const s3Upload = {
  url: "https://transfers.s3.eu-west-1.amazonaws.com/",
  form_fields: { key: "imports/1/job-1", policy: "cG9saWN5" },
  direct: true,
};

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

  it("imports a Loop file as a job, shows its progress and summarises what changed", async () => {
    let received: File | null = null;
    let created: unknown;
    server.use(
      http.post("*/api/import/jobs/", async ({ request }) => {
        created = await request.json();
        return HttpResponse.json(buildImportJob({ kind: "loop", upload: apiUpload }), { status: 201 });
      }),
      http.post("*/api/import/jobs/job-1/file/", async ({ request }) => {
        received = (await request.formData()).get("file") as File;
        return new HttpResponse(null, { status: 204 });
      }),
      http.post("*/api/import/jobs/job-1/uploaded/", () =>
        HttpResponse.json(
          buildImportJob({ kind: "loop", state: "running", progress: { stage: "save", done: 2000, total: 5000 } }),
          { status: 202 },
        ),
      ),
      http.get("*/api/import/jobs/job-1/", () =>
        HttpResponse.json(
          buildImportJob({
            kind: "loop",
            state: "done",
            result: { habits_created: 2, habits_updated: 1, entries_created: 340, entries_updated: 5 },
          }),
        ),
      ),
    );
    const { user } = renderApp("/settings");
    const file = new File(["PK fake zip"], "Loop Habits CSV.zip", { type: "application/zip" });
    await user.upload(await screen.findByLabelText("Loop CSV zip or Loop backup (.db)"), file);
    await user.click(screen.getByRole("button", { name: "Import" }));
    const progress = await screen.findByRole("progressbar", { name: "Import progress" });
    expect(progress).toHaveAttribute("aria-valuetext", "Saving check-ins: 2,000 of 5,000");
    expect(screen.getByText("Saving check-ins: 2,000 of 5,000", { selector: "p" })).toBeInTheDocument();
    expect(await screen.findByText("Import finished.")).toBeInTheDocument();
    expect(screen.getByText("2 habits created, 1 updated")).toBeInTheDocument();
    expect(screen.getByText("340 check-ins created, 5 updated")).toBeInTheDocument();
    expect(screen.queryByRole("progressbar", { name: "Import progress" })).not.toBeInTheDocument();
    expect(created).toEqual({ kind: "loop", size: file.size });
    expect(received).not.toBeNull();
  });

  it("explains a failed import job", async () => {
    server.use(
      http.post("*/api/import/jobs/", () =>
        HttpResponse.json(buildImportJob({ kind: "loop", upload: apiUpload }), { status: 201 }),
      ),
      http.post("*/api/import/jobs/job-1/file/", () => new HttpResponse(null, { status: 204 })),
      http.post("*/api/import/jobs/job-1/uploaded/", () =>
        HttpResponse.json(
          buildImportJob({ kind: "loop", state: "failed", message: "The zip has no Habits.csv: is it a Loop export?" }),
          { status: 202 },
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

  it("restores a backup only once told it replaces everything, uploading it straight to storage", async () => {
    let sent: FormData | null = null;
    let csrfHeader: string | null = "unset";
    server.use(
      http.post("*/api/import/jobs/", () =>
        HttpResponse.json(buildImportJob({ kind: "backup", upload: s3Upload }), { status: 201 }),
      ),
      http.post(s3Upload.url, async ({ request }) => {
        sent = await request.formData();
        csrfHeader = request.headers.get("X-CSRFToken");
        return new HttpResponse(null, { status: 204 });
      }),
      http.post("*/api/import/jobs/job-1/uploaded/", () =>
        HttpResponse.json(
          buildImportJob({
            kind: "backup",
            state: "done",
            result: { habits_restored: 3, entries_restored: 120, habits_replaced: 2, entries_replaced: 7 },
          }),
          { status: 202 },
        ),
      ),
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
    expect(screen.getByRole("checkbox", { name: /Replace all my habits/ })).not.toBeChecked();
    const form = sent as FormData | null;
    expect(form?.get("key")).toBe("imports/1/job-1");
    expect(form?.get("policy")).toBe("cG9saWN5");
    expect(typeof form?.get("file")).toBe("object");
    expect([...(form?.keys() ?? [])].at(-1)).toBe("file");
    expect(csrfHeader).toBeNull();
  });

  it("explains a refused restore", async () => {
    server.use(
      http.post("*/api/import/jobs/", () =>
        HttpResponse.json(
          {
            detail: "The request has invalid fields.",
            code: "invalid",
            errors: { size: ["The file is larger than 20971520 bytes."] },
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

  it("says why the storage refused an upload", async () => {
    server.use(
      http.post("*/api/import/jobs/", () =>
        HttpResponse.json(buildImportJob({ kind: "backup", upload: s3Upload }), { status: 201 }),
      ),
      http.post(
        s3Upload.url,
        () =>
          new HttpResponse(
            "<Error><Code>EntityTooLarge</Code><Message>Your proposed upload exceeds the maximum allowed size</Message></Error>",
            { status: 400, headers: { "Content-Type": "application/xml" } },
          ),
      ),
    );
    const { user } = renderApp("/settings");
    await user.upload(await screen.findByLabelText("Backup file (.zip)"), new File(["x"], "big.zip"));
    await user.click(screen.getByRole("checkbox", { name: /Replace all my habits/ }));
    await user.click(screen.getByRole("button", { name: "Restore backup" }));
    expect(
      await screen.findByText(
        "Restore failed: The upload was refused: Your proposed upload exceeds the maximum allowed size. Please try again.",
      ),
    ).toBeInTheDocument();
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
