import { useLingui } from "@lingui/react";
import type { ReactNode } from "react";
import { PageTitle } from "@/components/page-title";

/** What a link page says when the link in the mail arrived without its token (cut short by a mail program). */
export function IncompleteLink({ children }: { children: ReactNode }) {
  const { i18n } = useLingui();
  return (
    <div className="auth-card card">
      <PageTitle title={i18n._("This link is incomplete")}>{i18n._("This link is incomplete")}</PageTitle>
      <p>
        {i18n._(
          "Part of the link from the mail is missing. Open it from the mail again, or copy all of it into the address bar.",
        )}
      </p>
      <p className="auth-switch">{children}</p>
    </div>
  );
}
