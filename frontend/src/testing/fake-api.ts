import { http, HttpResponse } from "msw";
import type { Entry, Habit, HabitGroup } from "@/features/habits/types";
import type { components } from "@/types/api";
import { TODAY } from "./builders";
import { server } from "./server";

type Schemas = components["schemas"];

/**
 * A small stateful stand-in for the habits API: the list reflects the entries written through it,
 * so refetches after a mutation see what a real server would return. Groups (given or created)
 * are kept too, with their counts as the server makes them. Returns the request log.
 */
export function fakeHabitsApi(initial: Habit[], initialGroups: HabitGroup[] = []) {
  const habits = new Map(initial.map((habit) => [habit.id, { ...habit }]));
  const groups = new Map(initialGroups.map((group) => [group.id, { ...group }]));
  let nextGroupId = 900;
  const entries = new Map<string, Entry>();
  const log: { method: string; path: string; body: unknown }[] = [];
  for (const habit of initial) if (habit.today_entry) entries.set(`${habit.id}/${TODAY}`, habit.today_entry);

  const withToday = (habit: Habit): Habit => ({ ...habit, today_entry: entries.get(`${habit.id}/${TODAY}`) ?? null });
  const notFound = () => HttpResponse.json({ detail: "Not found.", code: "not_found" }, { status: 404 });
  const counted = (group: HabitGroup): HabitGroup => {
    const members = [...habits.values()].filter((habit) => habit.group === group.id && !habit.archived);
    const due = members.filter((habit) => habit.scheduled_today);
    const done = due.filter((habit) => entries.get(`${habit.id}/${TODAY}`)?.status === "done");
    return { ...group, habits: members.length, due_today: due.length, done_today: done.length };
  };
  const nameTaken = (name: string, except?: number) =>
    [...groups.values()].some((group) => group.id !== except && group.name.toLowerCase() === name.trim().toLowerCase())
      ? HttpResponse.json(
          {
            detail: "The request has invalid fields.",
            code: "invalid",
            errors: { name: ["You already have a group with this name."] },
          },
          { status: 400 },
        )
      : null;

  server.use(
    http.get("*/api/habits/", ({ request }) => {
      const archived = new URL(request.url).searchParams.get("archived") === "true";
      const list = [...habits.values()]
        .filter((habit) => habit.archived === archived)
        .sort((a, b) => a.position - b.position);
      return HttpResponse.json(list.map(withToday));
    }),
    http.get("*/api/habits/:id/", ({ params }) => {
      const habit = habits.get(Number(params.id));
      return habit ? HttpResponse.json(withToday(habit)) : notFound();
    }),
    http.patch("*/api/habits/:id/", async ({ request, params }) => {
      const habit = habits.get(Number(params.id));
      if (!habit) return notFound();
      const body = (await request.json()) as Schemas["PatchedHabitInputRequest"];
      log.push({ method: "PATCH", path: String(params.id), body });
      Object.assign(habit, body);
      return HttpResponse.json(withToday(habit));
    }),
    http.delete("*/api/habits/:id/", ({ params }) => {
      log.push({ method: "DELETE", path: String(params.id), body: null });
      return habits.delete(Number(params.id)) ? new HttpResponse(null, { status: 204 }) : notFound();
    }),
    http.get("*/api/habits/:id/entries/", ({ params }) =>
      HttpResponse.json(
        [...entries.entries()].filter(([key]) => key.startsWith(`${params.id}/`)).map(([, entry]) => entry),
      ),
    ),
    http.put("*/api/habits/:id/entries/:date/", async ({ request, params }) => {
      const body = (await request.json()) as Schemas["EntryInputRequest"];
      log.push({ method: "PUT", path: `${params.id}/${params.date}`, body });
      const entry: Entry = {
        date: String(params.date),
        status: body.status === undefined ? "done" : body.status, // the API's default; null: a note alone
        value: body.value ?? null,
        note: body.note ?? "",
      };
      entries.set(`${params.id}/${params.date}`, entry);
      return HttpResponse.json(entry);
    }),
    http.delete("*/api/habits/:id/entries/:date/", ({ params }) => {
      log.push({ method: "DELETE", path: `${params.id}/${params.date}`, body: null });
      entries.delete(`${params.id}/${params.date}`);
      return new HttpResponse(null, { status: 204 });
    }),
    http.post("*/api/habits/reorder/", async ({ request }) => {
      const body = (await request.json()) as Schemas["ReorderInputRequest"];
      log.push({ method: "POST", path: "reorder", body });
      body.ids.forEach((id, position) => {
        const habit = habits.get(id);
        if (habit) habit.position = position;
      });
      return new HttpResponse(null, { status: 204 });
    }),
    http.get("*/api/groups/", () =>
      HttpResponse.json([...groups.values()].sort((a, b) => a.position - b.position).map(counted)),
    ),
    http.post("*/api/groups/", async ({ request }) => {
      const body = (await request.json()) as Schemas["GroupInputRequest"];
      log.push({ method: "POST", path: "groups", body });
      const taken = nameTaken(body.name);
      if (taken) return taken;
      const group: HabitGroup = {
        id: nextGroupId++,
        name: body.name.trim(),
        position: Math.max(-1, ...[...groups.values()].map((other) => other.position)) + 1,
        collapsed: body.collapsed ?? false,
        habits: 0,
        due_today: 0,
        done_today: 0,
      };
      groups.set(group.id, group);
      return HttpResponse.json(counted(group), { status: 201 });
    }),
    http.post("*/api/groups/reorder/", async ({ request }) => {
      const body = (await request.json()) as Schemas["ReorderInputRequest"];
      log.push({ method: "POST", path: "groups/reorder", body });
      body.ids.forEach((id, position) => {
        const group = groups.get(id);
        if (group) group.position = position;
      });
      return new HttpResponse(null, { status: 204 });
    }),
    http.patch("*/api/groups/:id/", async ({ request, params }) => {
      const group = groups.get(Number(params.id));
      if (!group) return notFound();
      const body = (await request.json()) as Schemas["PatchedGroupInputRequest"];
      log.push({ method: "PATCH", path: `groups/${group.id}`, body });
      const taken = body.name === undefined ? null : nameTaken(body.name, group.id);
      if (taken) return taken;
      Object.assign(group, body.name === undefined ? body : { ...body, name: body.name.trim() });
      return HttpResponse.json(counted(group));
    }),
    http.delete("*/api/groups/:id/", ({ params }) => {
      const id = Number(params.id);
      log.push({ method: "DELETE", path: `groups/${id}`, body: null });
      if (!groups.delete(id)) return notFound();
      for (const habit of habits.values()) if (habit.group === id) habit.group = null;
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return { log, habits, entries, groups };
}
