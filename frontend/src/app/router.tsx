import { lazy } from "react";
import { BrowserRouter, MemoryRouter, Route, Routes } from "react-router";
import { paths } from "@/config/paths";
import { AnyVisitor, RequireGuest, RequireUser } from "./guards";
import { SignInRoute } from "./routes/auth";
import { NotFoundRoute } from "./routes/not-found";
import { RouteErrorBoundary } from "./routes/route-error";
import { TodayRoute } from "./routes/app/today";

// Today and sign-in ship in the first load; every other screen is its own chunk.
// Declarative routes on purpose: the data router (loaders, actions) would add ~18 KB gzip to the
// first load for features this app does not use, since TanStack Query owns server state.
const SignUpRoute = lazy(() => import("./routes/account/sign-up"));
const ForgotPasswordRoute = lazy(() => import("./routes/account/forgot-password"));
const SignUpConfirmRoute = lazy(() => import("./routes/account/sign-up-confirm"));
const ResetPasswordRoute = lazy(() => import("./routes/account/reset-password"));
const ConfirmEmailRoute = lazy(() => import("./routes/account/confirm-email"));
const HabitsRoute = lazy(() => import("./routes/app/habits"));
const NewHabitRoute = lazy(() => import("./routes/app/new-habit"));
const EditHabitRoute = lazy(() => import("./routes/app/edit-habit"));
const HabitRoute = lazy(() => import("./routes/app/habit"));
const ArchiveRoute = lazy(() => import("./routes/app/archive"));
const SettingsRoute = lazy(() => import("./routes/app/settings"));

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
