import { Navigate, Outlet, useLocation } from "react-router";
import { paths } from "@/config/paths";
import { SignedInUserContext, useUser } from "@/lib/auth";
import { AppLayout, AuthLayout } from "@/components/layouts/app-layout";
import { ErrorState, Loading } from "@/components/status";

export function RequireUser() {
  const user = useUser();
  const location = useLocation();
  if (user.isPending) return <Loading label="Loading…" />;
  if (user.isError) return <ErrorState error={user.error} onRetry={() => void user.refetch()} />;
  if (!user.data) {
    const next = location.pathname + location.search;
    const target = next === "/" ? paths.signIn : `${paths.signIn}?next=${encodeURIComponent(next)}`;
    return <Navigate to={target} replace />;
  }
  return (
    <SignedInUserContext value={user.data}>
      <AppLayout>
        <Outlet />
      </AppLayout>
    </SignedInUserContext>
  );
}

export function RequireGuest() {
  const user = useUser();
  if (user.isPending) return <Loading label="Loading…" />;
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
