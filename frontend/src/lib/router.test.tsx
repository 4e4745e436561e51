import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import {
  Link,
  MemoryRouter,
  Navigate,
  NavLink,
  Outlet,
  Route,
  Routes,
  matchPath,
  useLocation,
  useNavigate,
  useParams,
  useSearchParams,
} from "@/lib/router";

test("a pattern matches the whole path: named segments, a final star, any case, a trailing slash", () => {
  expect(matchPath("/habits/:id", "/habits/12")?.params).toEqual({ id: "12" });
  expect(matchPath("/habits/:id", "/habits/12/edit")).toBeNull();
  expect(matchPath("/habits/:id", "/habits")).toBeNull();
  expect(matchPath("/habits/:id/edit", "/Habits/12/edit/")?.params).toEqual({ id: "12" });
  expect(matchPath("/habits/:name", "/habits/caf%C3%A9")?.params).toEqual({ name: "café" });
  expect(matchPath("*", "/any/where")?.params).toEqual({ "*": "any/where" });
  expect(matchPath("/", "/")).not.toBeNull();
});

function Where() {
  const location = useLocation();
  const [params] = useSearchParams();
  return (
    <p data-testid="where">
      {location.pathname} {params.get("next") ?? "-"} {location.key === "default" ? "first" : "later"}
    </p>
  );
}

function Habit() {
  const { id } = useParams<{ id: string }>();
  const navigate = useNavigate();
  return (
    <>
      <h1>Habit {id}</h1>
      <button onClick={() => navigate(-1)}>Back</button>
    </>
  );
}

function Layout() {
  return (
    <div>
      <nav>
        <NavLink to="/" end>
          Today
        </NavLink>
        <NavLink to="/habits">Habits</NavLink>
      </nav>
      <Outlet />
      <Where />
    </div>
  );
}

function App({ at }: { at: string }) {
  return (
    <MemoryRouter initialEntries={[at]}>
      <Routes>
        <Route element={<Layout />}>
          <Route path="/" element={<Link to="/habits/new">New</Link>} />
          <Route path="/habits" element={<Link to="/habits/7">Seven</Link>} />
          <Route path="/habits/new" element={<h1>New habit</h1>} />
          <Route path="/habits/:id" element={<Habit />} />
          <Route path="/old" element={<Navigate to="/habits?next=%2F" replace />} />
          <Route path="*" element={<h1>Not found</h1>} />
        </Route>
      </Routes>
    </MemoryRouter>
  );
}

test("links move between routes inside the layout, and back returns", async () => {
  const user = userEvent.setup();
  render(<App at="/habits" />);
  expect(screen.getByRole("link", { name: "Habits" })).toHaveAttribute("aria-current", "page");
  expect(screen.getByRole("link", { name: "Habits" })).toHaveClass("active");
  expect(screen.getByRole("link", { name: "Today" })).not.toHaveAttribute("aria-current");
  expect(screen.getByTestId("where")).toHaveTextContent("/habits - first");

  await user.click(screen.getByRole("link", { name: "Seven" }));
  expect(await screen.findByRole("heading", { name: "Habit 7" })).toBeInTheDocument();
  expect(screen.getByRole("link", { name: "Habits" })).toHaveAttribute("aria-current", "page");
  expect(screen.getByTestId("where")).toHaveTextContent("/habits/7 - later");

  await user.click(screen.getByRole("button", { name: "Back" }));
  expect(await screen.findByRole("link", { name: "Seven" })).toBeInTheDocument();
});

test("the first declared match wins, an unknown path falls to the star, Navigate replaces", async () => {
  const { unmount } = render(<App at="/" />);
  await userEvent.setup().click(screen.getByRole("link", { name: "New" }));
  expect(await screen.findByRole("heading", { name: "New habit" })).toBeInTheDocument();
  unmount();

  render(<App at="/nowhere/at/all" />);
  expect(screen.getByRole("heading", { name: "Not found" })).toBeInTheDocument();
});

test("Navigate sends on with the query, and the search params read it", async () => {
  render(<App at="/old" />);
  expect(await screen.findByRole("link", { name: "Seven" })).toBeInTheDocument();
  expect(screen.getByTestId("where")).toHaveTextContent("/habits / later");
});

test("a modified click is left to the browser (a new tab), not taken by the router", async () => {
  const user = userEvent.setup();
  render(<App at="/habits" />);
  const link = screen.getByRole("link", { name: "Seven" });
  expect(link).toHaveAttribute("href", "/habits/7");
  await user.keyboard("{Control>}");
  await user.click(link);
  await user.keyboard("{/Control}");
  expect(screen.getByTestId("where")).toHaveTextContent("/habits - first");
});
