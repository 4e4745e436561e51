import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { currentLocale, initialLocale } from "@/lib/i18n";
import { buildUser } from "@/testing/builders";
import { renderApp } from "@/testing/render";
import { server, signedInAs } from "@/testing/server";

describe("the app's language in settings", () => {
  it("switches the whole app at once, without a reload, and saves it on the account", async () => {
    const patches: unknown[] = [];
    const languages: (string | null)[] = [];
    server.use(
      http.patch("*/api/auth/me/", async ({ request }) => {
        const body = (await request.json()) as { language: "en" | "es" | "de" };
        patches.push(body);
        languages.push(request.headers.get("Accept-Language"));
        return HttpResponse.json(buildUser({ language: body.language }));
      }),
    );
    const { user, client } = renderApp("/settings");
    const picker = await screen.findByRole("combobox", { name: "Language" });
    expect(picker).toHaveValue("en");
    expect(
      within(picker)
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual(["English", "Español", "Deutsch"]);

    await user.selectOptions(picker, "de");
    expect(await screen.findByRole("heading", { name: "Einstellungen", level: 1 })).toBeInTheDocument();
    // Focus stays where the person chose, not sent to the page's heading as on a new page.
    expect(screen.getByRole("combobox", { name: "Sprache" })).toHaveFocus();
    const nav = screen.getByRole("navigation", { name: "Hauptmenü" });
    expect(within(nav).getByRole("link", { name: "Heute" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Abmelden" })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("de");
    expect(document.title).toBe("Einstellungen · Gewohnheiten");
    await waitFor(() => expect(patches).toEqual([{ language: "de" }]));
    // The request already asks for answers in the new language; the account says it from now on.
    expect(languages).toEqual(["de"]);
    await waitFor(() => expect(client.getQueryData<{ language: string }>(["user", "me"])?.language).toBe("de"));
    expect(initialLocale()).toBe("de");

    await user.selectOptions(screen.getByRole("combobox", { name: "Sprache" }), "es");
    expect(await screen.findByRole("heading", { name: "Ajustes", level: 1 })).toBeInTheDocument();
    await waitFor(() => expect(patches).toEqual([{ language: "de" }, { language: "es" }]));
    expect(currentLocale()).toBe("es");
  });

  it("shows the app in the account's language once signed in, whatever this device chose", async () => {
    signedInAs(buildUser({ language: "de" }));
    renderApp("/settings");
    expect(await screen.findByRole("heading", { name: "Einstellungen", level: 1 })).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Sprache" })).toHaveValue("de");
    expect(screen.getByRole("heading", { name: "Anmeldung und Sicherheit" })).toBeInTheDocument();
    expect(currentLocale()).toBe("de");
  });

  it("says so when the account's language could not be saved, keeping the choice on this device", async () => {
    server.use(
      http.patch("*/api/auth/me/", () =>
        HttpResponse.json({ detail: "Der Server hatte ein Problem.", code: "error" }, { status: 500 }),
      ),
    );
    const { user } = renderApp("/settings");
    await user.selectOptions(await screen.findByRole("combobox", { name: "Language" }), "de");
    expect(await screen.findByText("Der Server hatte ein Problem.")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Einstellungen", level: 1 })).toBeInTheDocument();
  });
});
