import { useLingui } from "@lingui/react";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Field } from "@/components/field";
import { notify } from "@/components/notifications";
import { ErrorState, Loading, errorMessage } from "@/components/status";
import { ApiError } from "@/lib/api-client";
import { formatNumber } from "@/lib/dates";
import { groupLimits, groupNameProblem, useCreateGroup } from "../../api/create-group";
import { useDeleteGroup } from "../../api/delete-group";
import { useGroups } from "../../api/get-groups";
import { useReorderGroups } from "../../api/reorder-groups";
import { useUpdateGroup } from "../../api/update-group";
import type { HabitGroup } from "../../types";

/** The server's reason for refusing a name, or its message. */
function nameRefusal(error: unknown): string {
  if (error instanceof ApiError) return error.fieldErrors.name?.join(" ") ?? error.message;
  return errorMessage(error);
}

/**
 * The user's groups: create one, rename, move up or down (the order of Today's headers), delete
 * (its habits stay, in no group). A habit's group is chosen in the habit's form.
 */
export function GroupManager() {
  const { i18n } = useLingui();
  const groups = useGroups();
  const headingId = useId();
  const [announcement, setAnnouncement] = useState("");
  const reorder = useReorderGroups({
    mutationConfig: {
      onError: (error) =>
        notify(i18n._("The new order was not saved: {reason}", { reason: errorMessage(error) }), "error"),
    },
  });
  const ordered = [...(groups.data ?? [])].sort((a, b) => a.position - b.position);

  const move = (group: HabitGroup, delta: number) => {
    const ids = ordered.map((other) => other.id);
    const from = ids.indexOf(group.id);
    const to = from + delta;
    if (to < 0 || to >= ids.length) return;
    ids.splice(from, 1);
    ids.splice(to, 0, group.id);
    setAnnouncement(
      i18n._("{habit} moved to position {position} of {count}.", {
        habit: group.name,
        position: formatNumber(to + 1),
        count: formatNumber(ids.length),
      }),
    );
    reorder.mutate(ids);
  };

  return (
    <section className="group-manager" aria-labelledby={headingId}>
      <h2 id={headingId}>{i18n._("Groups")}</h2>
      <p className="hint">
        {i18n._(
          "Groups gather habits under a header on Today, each with how many of its habits due today are done. Choose a habit’s group when you edit the habit.",
        )}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <NewGroupForm onCreated={(group) => setAnnouncement(i18n._("Group {group} added.", { group: group.name }))} />
      {groups.isPending && <Loading label={i18n._("Loading your groups…")} />}
      {groups.isError && <ErrorState error={groups.error} onRetry={() => void groups.refetch()} />}
      {ordered.length > 0 && (
        <ol className="manage-list" aria-label={i18n._("Groups in order")}>
          {ordered.map((group, index) => (
            <GroupRow
              key={group.id}
              group={group}
              first={index === 0}
              last={index === ordered.length - 1}
              onMove={(delta) => move(group, delta)}
              announce={setAnnouncement}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

function NewGroupForm({ onCreated }: { onCreated: (group: HabitGroup) => void }) {
  const { i18n } = useLingui();
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const create = useCreateGroup();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = groupNameProblem(name);
    setProblem(found);
    if (found) {
      inputRef.current?.focus();
      return;
    }
    create.mutate(
      { name: name.trim() },
      {
        onSuccess: (group) => {
          setName("");
          onCreated(group);
        },
        onError: (error) => {
          setProblem(nameRefusal(error));
          inputRef.current?.focus();
        },
      },
    );
  };

  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <Field label={i18n._("New group")} errors={problem ? [problem] : undefined}>
        {(props) => (
          <input
            {...props}
            ref={inputRef}
            type="text"
            maxLength={groupLimits.name.maxLength}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="button" disabled={create.isPending}>
        {i18n._("Add group")}
      </button>
    </form>
  );
}

interface GroupRowProps {
  group: HabitGroup;
  first: boolean;
  last: boolean;
  onMove: (delta: number) => void;
  announce: (message: string) => void;
}

function GroupRow({ group, first, last, onMove, announce }: GroupRowProps) {
  const { i18n } = useLingui();
  const [mode, setMode] = useState<"show" | "rename" | "delete">("show");
  const [name, setName] = useState(group.name);
  const [problem, setProblem] = useState<string | null>(null);
  const update = useUpdateGroup();
  const remove = useDeleteGroup();
  const focusRef = useRef<HTMLElement | null>(null);
  const renameRef = useRef<HTMLButtonElement>(null);
  const moved = useRef(false);

  useEffect(() => {
    if (!moved.current) return;
    (mode === "show" ? renameRef.current : focusRef.current)?.focus();
  }, [mode]);

  const switchTo = (next: typeof mode) => {
    moved.current = true;
    setProblem(null);
    setName(group.name);
    setMode(next);
  };

  const rename = (event: FormEvent) => {
    event.preventDefault();
    const found = groupNameProblem(name);
    setProblem(found);
    if (found) return;
    update.mutate(
      { id: group.id, patch: { name: name.trim() } },
      {
        onSuccess: (saved) => {
          announce(i18n._("Group renamed to {group}.", { group: saved.name }));
          setMode("show");
        },
        onError: (error) => setProblem(nameRefusal(error)),
      },
    );
  };

  const destroy = () => {
    remove.mutate(group.id, {
      onSuccess: () =>
        notify(i18n._("Group “{group}” was deleted; its habits are kept, in no group.", { group: group.name })),
      onError: (error) => notify(errorMessage(error), "error"),
    });
  };

  const habits = i18n._("{count, plural, one {# habit} other {# habits}}", { count: group.habits });

  return (
    <li className="manage-row group-row">
      {mode === "rename" ? (
        <form className="inline-form" onSubmit={rename} noValidate>
          <Field label={i18n._("New name for {group}", { group: group.name })} errors={problem ? [problem] : undefined}>
            {(props) => (
              <input
                {...props}
                ref={(element) => {
                  focusRef.current = element;
                }}
                type="text"
                maxLength={groupLimits.name.maxLength}
                value={name}
                onChange={(event) => setName(event.target.value)}
              />
            )}
          </Field>
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={update.isPending}>
              {i18n._("Save")}
            </button>
            <button type="button" className="button" onClick={() => switchTo("show")}>
              {i18n._("Cancel")}
            </button>
          </div>
        </form>
      ) : (
        <>
          <div className="manage-text">
            <span className="habit-name">{group.name}</span>
            <p className="habit-meta">{habits}</p>
          </div>
          <div className="button-row">
            {mode === "delete" ? (
              <>
                <button
                  ref={(element) => {
                    focusRef.current = element;
                  }}
                  type="button"
                  className="button button-danger"
                  onClick={destroy}
                  aria-label={i18n._("Delete group {group}, keeping its habits", { group: group.name })}
                >
                  {i18n._("Delete group")}
                </button>
                <button type="button" className="button" onClick={() => switchTo("show")}>
                  {i18n._("Keep")}
                </button>
              </>
            ) : (
              <>
                <button
                  ref={renameRef}
                  type="button"
                  className="button"
                  onClick={() => switchTo("rename")}
                  aria-label={i18n._("Rename {group}", { group: group.name })}
                >
                  {i18n._("Rename")}
                </button>
                <button
                  type="button"
                  className="button"
                  onClick={() => switchTo("delete")}
                  aria-label={i18n._("Delete {habit}", { habit: group.name })}
                >
                  {i18n._("Delete")}
                </button>
              </>
            )}
            <div className="move-buttons">
              <button
                type="button"
                className="icon-button"
                aria-label={i18n._("Move {name} up", { name: group.name })}
                disabled={first}
                onClick={() => onMove(-1)}
              >
                <span aria-hidden="true">↑</span>
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={i18n._("Move {name} down", { name: group.name })}
                disabled={last}
                onClick={() => onMove(1)}
              >
                <span aria-hidden="true">↓</span>
              </button>
            </div>
          </div>
        </>
      )}
    </li>
  );
}
