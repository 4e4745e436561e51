import { useLingui } from "@lingui/react";
import { Suspense, type ReactNode } from "react";
import { NavLink } from "@/lib/router";
import { paths } from "@/config/paths";
import { ConnectionStatus } from "@/components/connection-status";
import { LanguageSwitcher } from "@/components/language-switcher";
import { Notifications } from "@/components/notifications";
import { Loading } from "@/components/status";

const NAV: { to: string; label: "today" | "habits" | "archive" | "settings"; icon: string }[] = [
  { to: paths.today, label: "today", icon: "M5 12.5l4.5 4.5L19 7.5" },
  { to: paths.habits, label: "habits", icon: "M4 6h16M4 12h16M4 18h16" },
  { to: paths.archive, label: "archive", icon: "M4 7h16v3H4zM6 10v9h12v-9M10 14h4" },
  {
    to: paths.settings,
    label: "settings",
    icon: "M12 15a3 3 0 100-6 3 3 0 000 6zM19 12a7 7 0 00-.1-1.2l2-1.5-2-3.4-2.3 1a7 7 0 00-2-1.2L14.2 3h-4.4l-.4 2.7a7 7 0 00-2 1.2l-2.3-1-2 3.4 2 1.5a7 7 0 000 2.4l-2 1.5 2 3.4 2.3-1a7 7 0 002 1.2l.4 2.7h4.4l.4-2.7a7 7 0 002-1.2l2.3 1 2-3.4-2-1.5c.1-.4.1-.8.1-1.2z",
  },
];

/** The signed-in shell: skip link, top bar (wide screens) or bottom tabs (phones), and the page. */
export function AppLayout({ children }: { children: ReactNode }) {
  const { i18n } = useLingui();
  const labels = {
    today: i18n._("Today"),
    habits: i18n._("Habits"),
    archive: i18n._("Archive"),
    settings: i18n._("Settings"),
  };
  return (
    <div className="app-shell">
      <a href="#main" className="skip-link">
        {i18n._("Skip to content")}
      </a>
      <header className="top-bar">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true">
            ✓
          </span>
          {i18n._("Habits")}
        </span>
        <nav aria-label={i18n._("Main")} className="main-nav">
          <ul>
            {NAV.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === paths.today}>
                  <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                    <path d={item.icon} />
                  </svg>
                  <span>{labels[item.label]}</span>
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <ConnectionStatus />
      <main id="main" className="page">
        <Suspense fallback={<Loading />}>{children}</Suspense>
      </main>
      <Notifications />
    </div>
  );
}

/** The brand and one message, while the session is not known yet. */
export function Splash({ loading = false, children }: { loading?: boolean; children?: ReactNode }) {
  const { i18n } = useLingui();
  return (
    <div className="auth-shell">
      <header className="auth-brand">
        <span className="brand-mark" aria-hidden="true">
          ✓
        </span>
        {i18n._("Habits")}
      </header>
      <main id="main" className="page splash">
        {loading ? <Loading /> : children}
      </main>
    </div>
  );
}

/** The signed-out shell for sign-in and sign-up. */
export function AuthLayout({ children }: { children: ReactNode }) {
  const { i18n } = useLingui();
  return (
    <div className="auth-shell">
      <header className="auth-brand">
        <span className="brand-mark" aria-hidden="true">
          ✓
        </span>
        {i18n._("Habits")}
      </header>
      <main id="main" className="page">
        <Suspense fallback={<Loading />}>{children}</Suspense>
      </main>
      <footer>
        <LanguageSwitcher />
      </footer>
      <Notifications />
    </div>
  );
}
