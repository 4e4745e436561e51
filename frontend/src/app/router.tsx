import { lazy, useState } from "react";
import { createBrowserRouter, createMemoryRouter, RouterProvider, type RouteObject } from "react-router";
import { paths } from "@/config/paths";
import { RequireGuest, RequireUser } from "./guards";
import { SignInRoute, SignUpRoute } from "./routes/auth";
import { NotFoundRoute } from "./routes/not-found";
import { RouteError } from "./routes/route-error";
import { TodayRoute } from "./routes/app/today";

// Today and the sign-in screens ship in the first load; every other screen is its own chunk.
const HabitsRoute = lazy(() => import("./routes/app/habits"));
const NewHabitRoute = lazy(() => import("./routes/app/new-habit"));
const EditHabitRoute = lazy(() => import("./routes/app/edit-habit"));
const HabitRoute = lazy(() => import("./routes/app/habit"));
const ArchiveRoute = lazy(() => import("./routes/app/archive"));
const SettingsRoute = lazy(() => import("./routes/app/settings"));

export const routes: RouteObject[] = [
  {
    element: <RequireGuest />,
    errorElement: <RouteError />,
    children: [
      { path: paths.signIn, element: <SignInRoute /> },
      { path: paths.signUp, element: <SignUpRoute /> },
    ],
  },
  {
    element: <RequireUser />,
    errorElement: <RouteError />,
    children: [
      { path: paths.today, element: <TodayRoute /> },
      { path: paths.habits, element: <HabitsRoute /> },
      { path: paths.newHabit, element: <NewHabitRoute /> },
      { path: "/habits/:id", element: <HabitRoute /> },
      { path: "/habits/:id/edit", element: <EditHabitRoute /> },
      { path: paths.archive, element: <ArchiveRoute /> },
      { path: paths.settings, element: <SettingsRoute /> },
      { path: "*", element: <NotFoundRoute /> },
    ],
  },
];

export function AppRouter() {
  const [router] = useState(() => createBrowserRouter(routes));
  return <RouterProvider router={router} />;
}

/** The same routes in memory, for tests that start on a given URL. */
export function TestRouter({ initialPath }: { initialPath: string }) {
  const [router] = useState(() => createMemoryRouter(routes, { initialEntries: [initialPath] }));
  return <RouterProvider router={router} />;
}
