import type { ReactNode } from "react";
import { PageTitle } from "@/components/page-title";
import type { MailSent } from "../types";
import { LocalMailNote } from "./local-mail-note";

/**
 * The answer to a request that mails a link. It repeats the API's answer, which is the same
 * whether or not the address has an account, so the page says no more than the API does.
 */
export function CheckInbox({ sent, children }: { sent: MailSent; children?: ReactNode }) {
  return (
    <div className="auth-card card">
      <PageTitle title="Check your inbox">Check your inbox</PageTitle>
      <p>{sent.detail}</p>
      <p>
        We sent it to <strong>{sent.email}</strong>. If it has not arrived in a few minutes, look in your spam folder.
      </p>
      <LocalMailNote to={sent.email} />
      {children}
    </div>
  );
}
