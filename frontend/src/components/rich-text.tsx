import { Fragment, type ReactNode } from "react";

const TAG = /<(\d+)>(.*?)<\/\1>/gs;

/**
 * A translated sentence with markup in it, kept whole in one message: `<0>…</0>` marks the part
 * `parts[0]` wraps (a link, a bold word), so a translation may move it where its grammar wants.
 *
 *   richText(i18n._("New here? <0>Create an account</0>"), [(text) => <Link to="/sign-up">{text}</Link>])
 */
export function richText(text: string, parts: readonly ((children: string) => ReactNode)[]): ReactNode {
  const out: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(TAG)) {
    if (match.index > last) out.push(text.slice(last, match.index));
    const wrap = parts[Number(match[1])];
    const inner = match[2] ?? "";
    out.push(<Fragment key={match.index}>{wrap ? wrap(inner) : inner}</Fragment>);
    last = match.index + match[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}
