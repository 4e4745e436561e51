import { lazy } from "react";
import { BrowserRouter, MemoryRouter, Route, Routes, matchPath } from "@/lib/router";
import { paths } from "@/config/paths";
import { AnyVisitor, RequireGuest, RequireUser } from "./guards";
import { NotFoundRoute } from "./routes/not-found";
import { RouteErrorBoundary } from "./routes/route-error";
import { TodayRoute } from "./routes/app/today";

// Today ships in the first load (most visits are a signed-in person opening it); every other
// screen, sign-in included, is its own chunk, fetched at boot alongside the session check when
// the URL names it (preloadScreen), so a guest waits for no extra round trip.
// Declarative routes on purpose: the data router (loaders, actions) would add ~18 KB gzip to the
// first load for features this app does not use, since TanStack Query owns server state.
const screens = {
  signIn: () => import("./routes/auth"),
  signUp: () => import("./routes/account/sign-up"),
  forgotPassword: () => import("./routes/account/forgot-password"),
  signUpConfirm: () => import("./routes/account/sign-up-confirm"),
  resetPassword: () => import("./routes/account/reset-password"),
  confirmEmail: () => import("./routes/account/confirm-email"),
  habits: () => import("./routes/app/habits"),
  newHabit: () => import("./routes/app/new-habit"),
  editHabit: () => import("./routes/app/edit-habit"),
  habit: () => import("./routes/app/habit"),
  archive: () => import("./routes/app/archive"),
  settings: () => import("./routes/app/settings"),
};
const SignInRoute = lazy(() => screens.signIn().then((module) => ({ default: module.SignInRoute })));
const SignUpRoute = lazy(screens.signUp);
const ForgotPasswordRoute = lazy(screens.forgotPassword);
const SignUpConfirmRoute = lazy(screens.signUpConfirm);
const ResetPasswordRoute = lazy(screens.resetPassword);
const ConfirmEmailRoute = lazy(screens.confirmEmail);
const HabitsRoute = lazy(screens.habits);
const NewHabitRoute = lazy(screens.newHabit);
const EditHabitRoute = lazy(screens.editHabit);
const HabitRoute = lazy(screens.habit);
const ArchiveRoute = lazy(screens.archive);
const SettingsRoute = lazy(screens.settings);

const screenAt: [string, () => Promise<unknown>][] = [
  [paths.signIn, screens.signIn],
  [paths.signUp, screens.signUp],
  [paths.forgotPassword, screens.forgotPassword],
  [paths.signUpConfirm, screens.signUpConfirm],
  [paths.resetPassword, screens.resetPassword],
  [paths.confirmEmail, screens.confirmEmail],
  [paths.habits, screens.habits],
  [paths.newHabit, screens.newHabit],
  ["/habits/:id/edit", screens.editHabit],
  ["/habits/:id", screens.habit],
  [paths.archive, screens.archive],
  [paths.settings, screens.settings],
];

/**
 * Starts loading the code of the screen at `pathname` at boot, alongside the session check, rather
 * than once the session has answered and the guard renders it (a round trip later).
 */
export function preloadScreen(pathname: string): void {
  const found = screenAt.find(([pattern]) => matchPath(pattern, pathname));
  void found?.[1]();
}

function AppRoutes() {
  return (
    <RouteErrorBoundary>
      <Routes>
        <Route element={<RequireGuest />}>
          <Route path={paths.signIn} element={<SignInRoute />} />
          <Route path={paths.signUp} element={<SignUpRoute />} />
          <Route path={paths.forgotPassword} element={<ForgotPasswordRoute />} />
        </Route>
        <Route element={<AnyVisitor />}>
          <Route path={paths.signUpConfirm} element={<SignUpConfirmRoute />} />
          <Route path={paths.resetPassword} element={<ResetPasswordRoute />} />
          <Route path={paths.confirmEmail} element={<ConfirmEmailRoute />} />
        </Route>
        <Route element={<RequireUser />}>
          <Route path={paths.today} element={<TodayRoute />} />
          <Route path={paths.habits} element={<HabitsRoute />} />
          <Route path={paths.newHabit} element={<NewHabitRoute />} />
          <Route path="/habits/:id" element={<HabitRoute />} />
          <Route path="/habits/:id/edit" element={<EditHabitRoute />} />
          <Route path={paths.archive} element={<ArchiveRoute />} />
          <Route path={paths.settings} element={<SettingsRoute />} />
          <Route path="*" element={<NotFoundRoute />} />
        </Route>
      </Routes>
    </RouteErrorBoundary>
  );
}

export function AppRouter() {
  return (
    <BrowserRouter>
      <AppRoutes />
    </BrowserRouter>
  );
}

/** The same routes in memory, for tests that start on a given URL. */
export function TestRouter({ initialPath }: { initialPath: string }) {
  return (
    <MemoryRouter initialEntries={[initialPath]}>
      <AppRoutes />
    </MemoryRouter>
  );
}
