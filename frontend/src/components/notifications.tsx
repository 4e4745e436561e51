import { useLingui } from "@lingui/react";
import { useSyncExternalStore } from "react";

export interface Notice {
  id: number;
  kind: "error" | "info";
  message: string;
}

let notices: Notice[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function emit() {
  for (const listener of listeners) listener();
}

export function dismissNotice(id: number): void {
  notices = notices.filter((notice) => notice.id !== id);
  emit();
}

/** Shows a message in the page's live region; errors stay until dismissed, info fades after 4 s. */
export function notify(message: string, kind: Notice["kind"] = "info"): void {
  const id = nextId++;
  // One confirmation at a time (the newest), so notices never pile up over the page; errors stay
  // until dismissed because they ask for attention.
  const kept = notices.filter((notice) => notice.kind === "error").slice(-2);
  notices = [...kept, { id, kind, message }];
  emit();
  if (kind === "info") setTimeout(() => dismissNotice(id), 4000);
}

export function clearNotices(): void {
  notices = [];
  emit();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function Notifications() {
  const current = useSyncExternalStore(subscribe, () => notices);
  return (
    <div className="notices">
      <div role="alert" aria-live="assertive">
        {current
          .filter((notice) => notice.kind === "error")
          .map((notice) => (
            <NoticeView key={notice.id} notice={notice} />
          ))}
      </div>
      <div role="status" aria-live="polite">
        {current
          .filter((notice) => notice.kind === "info")
          .map((notice) => (
            <NoticeView key={notice.id} notice={notice} />
          ))}
      </div>
    </div>
  );
}

function NoticeView({ notice }: { notice: Notice }) {
  const { i18n } = useLingui();
  return (
    <p className={`notice notice-${notice.kind}`}>
      <span aria-hidden="true">{notice.kind === "error" ? "⚠ " : "✓ "}</span>
      {notice.message}
      <button type="button" className="link-button" onClick={() => dismissNotice(notice.id)}>
        {i18n._("Dismiss")}
      </button>
    </p>
  );
}
