/**
 * The SPA's router: the part of React Router's declarative API this app uses, in a few lines, so
 * the first load does not carry a library built for loaders, actions and server rendering (about
 * 20 KB gzip of it reached the bundle). Same names and behaviour for what is here:
 *
 * - `BrowserRouter` (the History API) and `MemoryRouter` (tests);
 * - `Routes` / `Route`: nested routes, layout routes without a path that render an `Outlet`, `:name`
 *   segments and a final `*`. A path matches the whole URL (a trailing slash aside, any case), and
 *   the first route in declaration order that matches wins: declare `/habits/new` before
 *   `/habits/:id`;
 * - `Link`, `NavLink` (`active` class and `aria-current="page"`, `end`), `Navigate`;
 * - `useNavigate` (a path, or a number to go back and forth), `useLocation` (the first entry's key
 *   is "default"), `useParams`, `useSearchParams`, `matchPath`.
 */
import {
  Children,
  startTransition,
  createContext,
  isValidElement,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useLayoutEffect,
  useState,
  type AnchorHTMLAttributes,
  type MouseEvent,
  type ReactElement,
  type ReactNode,
} from "react";

export interface Location {
  pathname: string;
  search: string;
  hash: string;
  state: unknown;
  key: string;
}

export interface NavigateOptions {
  replace?: boolean;
  state?: unknown;
}

interface History {
  location(): Location;
  push(to: string, state: unknown): void;
  replace(to: string, state: unknown): void;
  go(delta: number): void;
  listen(listener: () => void): () => void;
}

function newKey(): string {
  return Math.random().toString(36).slice(2, 10);
}

/** `to` split into path, query and fragment, relative to nothing: every path here is absolute. */
function parsePath(to: string): Pick<Location, "pathname" | "search" | "hash"> {
  const url = new URL(to, "http://router.invalid");
  return { pathname: url.pathname, search: url.search, hash: url.hash };
}

function browserHistory(): History {
  const listeners = new Set<() => void>();
  let current: Location | null = null;
  const read = (): Location => {
    const saved = (window.history.state ?? {}) as { key?: unknown; usr?: unknown };
    const { pathname, search, hash } = window.location;
    return {
      pathname,
      search,
      hash,
      state: saved.usr ?? null,
      key: typeof saved.key === "string" ? saved.key : "default",
    };
  };
  const notify = () => {
    current = read();
    listeners.forEach((listener) => listener());
  };
  return {
    location: () => (current ??= read()),
    push(to, state) {
      window.history.pushState({ key: newKey(), usr: state }, "", to);
      notify();
    },
    replace(to, state) {
      window.history.replaceState({ key: newKey(), usr: state }, "", to);
      notify();
    },
    go: (delta) => window.history.go(delta),
    listen(listener) {
      listeners.add(listener);
      if (listeners.size === 1) window.addEventListener("popstate", notify);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) window.removeEventListener("popstate", notify);
      };
    },
  };
}

function memoryHistory(initialEntries: readonly string[]): History {
  const listeners = new Set<() => void>();
  const entries: Location[] = (initialEntries.length ? initialEntries : ["/"]).map((to, index) => ({
    ...parsePath(to),
    state: null,
    key: index === 0 ? "default" : newKey(),
  }));
  let index = entries.length - 1;
  const notify = () => listeners.forEach((listener) => listener());
  return {
    location: () => entries[index]!,
    push(to, state) {
      entries.splice(index + 1, entries.length, { ...parsePath(to), state, key: newKey() });
      index = entries.length - 1;
      notify();
    },
    replace(to, state) {
      entries[index] = { ...parsePath(to), state, key: newKey() };
      notify();
    },
    go(delta) {
      const next = Math.min(Math.max(index + delta, 0), entries.length - 1);
      if (next !== index) {
        index = next;
        notify();
      }
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const RouterContext = createContext<{ history: History; location: Location } | null>(null);
const RouteContext = createContext<{ params: Record<string, string>; outlet: ReactNode }>({
  params: {},
  outlet: null,
});

function Router({ history, children }: { history: History; children: ReactNode }) {
  // As React Router does, a navigation is a transition. Under React that kept the current screen on
  // show while the next one suspended (its chunk on the way); preact/compat's startTransition runs
  // the update at once, so the layout's Suspense shows "Loading" until the chunk arrives (precached
  // by the service worker, so briefly). Updates made just before it (a signed-in user) are still
  // rendered with it: Preact batches them into one render.
  const [location, setLocation] = useState(history.location);
  // Subscribed before any child's effect can navigate (layout effects run first).
  useLayoutEffect(() => history.listen(() => startTransition(() => setLocation(history.location()))), [history]);
  const value = useMemo(() => ({ history, location }), [history, location]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function BrowserRouter({ children }: { children: ReactNode }) {
  const [history] = useState(browserHistory);
  return <Router history={history}>{children}</Router>;
}

export function MemoryRouter({ initialEntries = ["/"], children }: { initialEntries?: string[]; children: ReactNode }) {
  const [history] = useState(() => memoryHistory(initialEntries));
  return <Router history={history}>{children}</Router>;
}

function useRouter(): { history: History; location: Location } {
  const router = useContext(RouterContext);
  if (!router) throw new Error("Router hooks and links need a BrowserRouter or MemoryRouter above them.");
  return router;
}

export function useLocation(): Location {
  return useRouter().location;
}

export function useNavigate(): (to: string | number, options?: NavigateOptions) => void {
  const { history } = useRouter();
  return useCallback(
    (to, options = {}) => {
      if (typeof to === "number") history.go(to);
      else if (options.replace) history.replace(to, options.state ?? null);
      else history.push(to, options.state ?? null);
    },
    [history],
  );
}

export function useParams<T extends Record<string, string> = Record<string, string>>(): Partial<T> {
  return useContext(RouteContext).params as Partial<T>;
}

export function useSearchParams(): [URLSearchParams, (next: URLSearchParams, options?: NavigateOptions) => void] {
  const { search, pathname, hash } = useLocation();
  const navigate = useNavigate();
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const setParams = useCallback(
    (next: URLSearchParams, options?: NavigateOptions) => {
      const query = next.toString();
      navigate(`${pathname}${query ? `?${query}` : ""}${hash}`, options);
    },
    [navigate, pathname, hash],
  );
  return [params, setParams];
}

export interface PathMatch {
  params: Record<string, string>;
  pathname: string;
  pattern: string;
}

/** Whether `pathname` is matched by `pattern` as a whole (`:name` takes one segment, `*` the rest). */
export function matchPath(pattern: string, pathname: string): PathMatch | null {
  const wanted = pattern.split("/").filter(Boolean);
  const actual = pathname.split("/").filter(Boolean);
  const params: Record<string, string> = {};
  for (let index = 0; index < wanted.length; index++) {
    const segment = wanted[index]!;
    if (segment === "*") {
      params["*"] = actual.slice(index).map(decode).join("/");
      return { params, pathname, pattern };
    }
    const value = actual[index];
    if (value === undefined) return null;
    if (segment.startsWith(":")) params[segment.slice(1)] = decode(value);
    else if (segment.toLowerCase() !== value.toLowerCase()) return null;
  }
  return wanted.length === actual.length ? { params, pathname, pattern } : null;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

interface RouteProps {
  path?: string;
  element?: ReactNode;
  children?: ReactNode;
}

/** Declares a route inside `Routes`; renders nothing by itself. */
export function Route(_props: RouteProps): ReactElement | null {
  return null;
}

/** Each route with a path, with the layout routes above it, in declaration order. */
function branches(children: ReactNode, above: RouteProps[] = []): RouteProps[][] {
  const found: RouteProps[][] = [];
  Children.forEach(children, (child) => {
    if (!isValidElement<RouteProps>(child)) return;
    const route = child.props;
    if (route.path !== undefined) found.push([...above, route]);
    else found.push(...branches(route.children, [...above, route]));
  });
  return found;
}

export function Routes({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  for (const branch of branches(children)) {
    const match = matchPath(branch[branch.length - 1]!.path!, pathname);
    if (!match) continue;
    // The leaf is the innermost outlet; each layout above renders the one below through Outlet.
    return branch.reduceRight<ReactNode>(
      (outlet, route) => (
        <RouteContext.Provider value={{ params: match.params, outlet }}>
          {route.element ?? outlet}
        </RouteContext.Provider>
      ),
      null,
    );
  }
  return null;
}

export function Outlet() {
  return <>{useContext(RouteContext).outlet}</>;
}

export function Navigate({ to, replace, state }: { to: string } & NavigateOptions) {
  const navigate = useNavigate();
  useEffect(() => navigate(to, { replace, state }), [navigate, to, replace, state]);
  return null;
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & { to: string } & NavigateOptions;

function isPlainClick(event: MouseEvent<HTMLAnchorElement>, target: string | undefined): boolean {
  return (
    !event.defaultPrevented &&
    event.button === 0 &&
    !(event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) &&
    (!target || target === "_self")
  );
}

export function Link({ to, replace, state, onClick, target, ...anchor }: LinkProps) {
  const navigate = useNavigate();
  return (
    <a
      {...anchor}
      href={to}
      target={target}
      onClick={(event) => {
        onClick?.(event);
        if (!isPlainClick(event, target)) return;
        event.preventDefault();
        navigate(to, { replace, state });
      }}
    />
  );
}

type NavLinkProps = Omit<LinkProps, "className"> & {
  end?: boolean;
  className?: string | ((status: { isActive: boolean }) => string | undefined);
};

/** A link that knows when it is the current page: `active` class and `aria-current="page"`. */
export function NavLink({ end = false, className, ...link }: NavLinkProps) {
  const { pathname } = useLocation();
  const to = parsePath(link.to)
    .pathname.replace(/(.)\/$/, "$1")
    .toLowerCase();
  const here = pathname.toLowerCase();
  const isActive = here === to || (!end && here.startsWith(to) && here.charAt(to.length) === "/");
  const classes =
    typeof className === "function"
      ? className({ isActive })
      : [className, isActive ? "active" : undefined].filter(Boolean).join(" ") || undefined;
  return <Link {...link} className={classes} aria-current={isActive ? "page" : undefined} />;
}
