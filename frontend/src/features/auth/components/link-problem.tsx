import type { ReactNode } from "react";
import { PageTitle } from "@/components/page-title";

/** What a link page says when the link in the mail arrived without its token (cut short by a mail program). */
export function IncompleteLink({ children }: { children: ReactNode }) {
  return (
    <div className="auth-card card">
      <PageTitle title="This link is incomplete">This link is incomplete</PageTitle>
      <p>
        Part of the link from the mail is missing. Open it from the mail again, or copy all of it into the address bar.
      </p>
      <p className="auth-switch">{children}</p>
    </div>
  );
}
