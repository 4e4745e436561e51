import { useLingui } from "@lingui/react";
import { useLayoutEffect, useRef, type ReactNode } from "react";

/**
 * The page's h1. On mount it sets the document title and takes focus, so a route change is
 * announced by screen readers and keyboard users start from the top of the new page.
 */
export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { i18n } = useLingui();
  const documentTitle = i18n._("{title} · Habits", { title });
  useLayoutEffect(() => {
    document.title = documentTitle;
  }, [documentTitle]);
  // Focus moves on a new page, not when the same page changes language (the title then changes
  // too, while focus should stay on the language picker).
  const locale = i18n.locale;
  const focusedIn = useRef<string | null>(null);
  useLayoutEffect(() => {
    const switched = focusedIn.current !== null && focusedIn.current !== locale;
    focusedIn.current = locale;
    if (!switched) ref.current?.focus({ preventScroll: false });
  }, [title, locale]);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}
