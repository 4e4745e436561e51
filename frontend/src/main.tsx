import { onlineManager } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { AppProvider } from "@/app/provider";
import { AppRouter, preloadScreen } from "@/app/router";
import { checkSessionAtBoot } from "@/lib/auth";
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
startSync();
registerServiceWorker();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <AppProvider client={queryClient}>
      <AppRouter />
    </AppProvider>
  </StrictMode>,
);
