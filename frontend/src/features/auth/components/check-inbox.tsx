import { useLingui } from "@lingui/react";
import type { ReactNode } from "react";
import { PageTitle } from "@/components/page-title";
import { richText } from "@/components/rich-text";
import type { MailSent } from "../types";
import { LocalMailNote } from "./local-mail-note";

/**
 * The answer to a request that mails a link. It repeats the API's answer, which is the same
 * whether or not the address has an account, so the page says no more than the API does.
 */
export function CheckInbox({ sent, children }: { sent: MailSent; children?: ReactNode }) {
  const { i18n } = useLingui();
  return (
    <div className="auth-card card">
      <PageTitle title={i18n._("Check your inbox")}>{i18n._("Check your inbox")}</PageTitle>
      <p>{sent.detail}</p>
      <p>
        {richText(
          i18n._("We sent it to <0>{email}</0>. If it has not arrived in a few minutes, look in your spam folder.", {
            email: sent.email,
          }),
          [(text) => <strong>{text}</strong>],
        )}
      </p>
      <LocalMailNote to={sent.email} />
      {children}
    </div>
  );
}
