import { useLingui } from "@lingui/react";
import { useLayoutEffect, useMemo } from "react";
import { Navigate, Outlet, useLocation } from "@/lib/router";
import { paths } from "@/config/paths";
import { SignedInUserContext, useUser, type User } from "@/lib/auth";
import { currentDay } from "@/lib/dates";
import { setSyncUser } from "@/lib/sync";
import { useNow } from "@/lib/use-now";
import { AppLayout, AuthLayout, Splash } from "@/components/layouts/app-layout";
import { ErrorState } from "@/components/status";
import { EntrySync } from "@/features/habits/components/entry-sync";

/**
 * The session state while it is not known yet: a failure, offline with nothing saved on this
 * device, or the first answer on its way. With a saved answer (the persisted query cache) none of
 * these shows: the app opens on it and checks in the background.
 */
function SessionPending({ user }: { user: ReturnType<typeof useUser> }) {
  const { i18n } = useLingui();
  if (user.isError)
    return (
      <Splash>
        <ErrorState error={user.error} onRetry={() => void user.refetch()} />
      </Splash>
    );
  if (user.fetchStatus === "paused")
    return (
      <Splash>
        <p role="status">
          {i18n._("You're offline, and this device has no saved copy of your habits yet. Connect to sign in.")}
        </p>
      </Splash>
    );
  return <Splash loading />;
}

export function RequireUser() {
  const user = useUser();
  const location = useLocation();
  const now = useNow(60_000);
  const signedIn = user.data ?? null;
  const today =
    signedIn && currentDay(signedIn.today, user.dataUpdatedAt, now, signedIn.time_zone, signedIn.day_start_hour);
  const signedInToday = useMemo<User | null>(
    () => (signedIn && today ? { ...signedIn, today } : null),
    [signedIn, today],
  );
  const userId = signedIn?.id ?? null;
  // In the commit itself, so that no tap can reach a day before its writes have an owner.
  useLayoutEffect(() => {
    setSyncUser(userId);
    return () => setSyncUser(null);
  }, [userId]);

  if (user.data === undefined) return <SessionPending user={user} />;
  if (!signedInToday) {
    const next = location.pathname + location.search;
    const target = next === "/" ? paths.signIn : `${paths.signIn}?next=${encodeURIComponent(next)}`;
    return <Navigate to={target} replace />;
  }
  return (
    <SignedInUserContext value={signedInToday}>
      <EntrySync />
      <AppLayout>
        <Outlet />
      </AppLayout>
    </SignedInUserContext>
  );
}

export function RequireGuest() {
  const user = useUser();
  if (user.data === undefined) return <SessionPending user={user} />;
  if (user.data) return <Navigate to={paths.today} replace />;
  return (
    <AuthLayout>
      <Outlet />
    </AuthLayout>
  );
}

/**
 * The pages emailed links open: the same signed-out shell whether or not someone is signed in (the
 * link may be opened on any device), so signing in from one does not swap the page out from under it.
 */
export function AnyVisitor() {
  return (
    <AuthLayout>
      <Outlet />
    </AuthLayout>
  );
}
