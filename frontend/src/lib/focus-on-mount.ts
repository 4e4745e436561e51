/**
 * `ref={focusOnMount}` in place of `autoFocus`: focuses the element once, when it is mounted, as
 * React's `autoFocus` did. Preact (the renderer that ships, vite.config.ts) only writes the
 * `autofocus` attribute, which a browser acts on once per page load, not for an editor opened later.
 * One function for every element, so a re-render does not call it again.
 */
export function focusOnMount(element: HTMLElement | null): void {
  element?.focus();
}
