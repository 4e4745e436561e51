import "@/lib/effect-timing";
import { onlineManager } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { AppProvider } from "@/app/provider";
import { AppRouter, preloadScreen } from "@/app/router";
import { paths } from "@/config/paths";
import { fetchSession } from "@/lib/api-client";
import { checkSessionAtBoot } from "@/lib/auth";
import { activateLocale, initialLocale } from "@/lib/i18n";
import { persistQueries, restoreQueries } from "@/lib/query-persist";
import { makeQueryClient } from "@/lib/query-client";
import { registerServiceWorker } from "@/lib/service-worker";
import { startSync } from "@/lib/sync";
import { applyTheme, storedTheme } from "@/lib/theme";
import "./styles.css";

applyTheme(storedTheme());
// Queries wait while the browser is offline (rather than fail), from the first render on.
onlineManager.setOnline(navigator.onLine);
const queryClient = makeQueryClient();
restoreQueries(queryClient);
persistQueries(queryClient);
checkSessionAtBoot(queryClient);
preloadScreen(window.location.pathname);
// A visitor who turns out to be signed out is sent to sign-in: its chunk comes with the answer (the
// session request is the one the check above made; offline, neither is sent).
if (onlineManager.isOnline()) {
  void fetchSession().then(
    ({ user }) => user || preloadScreen(paths.signIn),
    () => undefined,
  );
}
startSync();
registerServiceWorker();

function render(): void {
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <AppProvider client={queryClient}>
        <AppRouter />
      </AppProvider>
    </StrictMode>,
  );
}

// The first render waits for a Spanish or German catalog (a small chunk); English is in the bundle.
// A catalog that cannot be fetched leaves the SPA in English rather than blank.
void activateLocale(initialLocale()).then(render, render);
