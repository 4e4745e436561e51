import { screen } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { activateLocale, currentLocale, initialLocale } from "@/lib/i18n";
import { buildUser } from "@/testing/builders";
import { renderApp } from "@/testing/render";
import { server, signedOut } from "@/testing/server";

/** What main.tsx does before the first render. */
const boot = () => activateLocale(initialLocale());

describe("the language before signing in", () => {
  it("shows sign-in in the language this device chose last, and switches it there", async () => {
    localStorage.setItem("habit-tracker.locale", "de");
    await boot();
    signedOut();
    const { user } = renderApp("/sign-in");
    expect(await screen.findByRole("heading", { name: "Anmelden", level: 1 })).toBeInTheDocument();
    expect(screen.getByLabelText("Passwort")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Konto erstellen" })).toBeInTheDocument();
    expect(document.title).toBe("Anmelden · Gewohnheiten");

    await user.selectOptions(screen.getByRole("combobox", { name: "Sprache" }), "en");
    expect(await screen.findByRole("heading", { name: "Sign in", level: 1 })).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Language" })).toHaveValue("en");
    expect(initialLocale()).toBe("en");
  });

  it("sends the device's language with sign-in, then follows the account's", async () => {
    localStorage.setItem("habit-tracker.locale", "de");
    await boot();
    signedOut();
    let asked: string | null = null;
    server.use(
      http.post("*/api/auth/login/", ({ request }) => {
        asked = request.headers.get("Accept-Language");
        return HttpResponse.json(buildUser({ language: "es" }));
      }),
    );
    const { user } = renderApp("/sign-in");
    await user.type(await screen.findByLabelText("E-Mail"), "ada@example.com");
    await user.type(screen.getByLabelText("Passwort"), "correct horse");
    await user.click(screen.getByRole("button", { name: "Anmelden" }));
    const nav = await screen.findByRole("navigation", { name: "Principal" });
    expect(nav).toHaveTextContent("Hoy");
    expect(asked).toBe("de");
    expect(currentLocale()).toBe("es");
  });
});
