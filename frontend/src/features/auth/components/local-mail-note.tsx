import { useLingui } from "@lingui/react";
import { richText } from "@/components/rich-text";
import { LOCAL_MAIL_PATH, useLocalMail } from "../api/get-local-mail";

/**
 * In a local run (`make run`), no mail leaves the machine: this says where it can be read instead,
 * with the newest one's link. It shows only where the local mail page answers, so a deployed site
 * never mentions it.
 */
export function LocalMailNote({ to }: { to: string }) {
  const { i18n } = useLingui();
  const mail = useLocalMail(to, { queryConfig: { staleTime: 0 } });
  if (!mail.isSuccess) return null;
  const newest = mail.data[0];
  const link = newest?.links[0];
  return (
    <div className="local-mail">
      <p>
        {richText(
          i18n._(
            "<0>Running locally:</0> no mail leaves this machine. It is printed in the terminal that runs the server and listed on the <1>local mail page</1>.",
          ),
          [
            (text) => <strong>{text}</strong>,
            (text) => <a href={`${LOCAL_MAIL_PATH}?to=${encodeURIComponent(to)}`}>{text}</a>,
          ],
        )}
      </p>
      {newest && link && (
        <p>
          {richText(
            i18n._("Newest mail to {to}: “{subject}”. <0>Open the link in it</0>", { to, subject: newest.subject }),
            [(text) => <a href={link}>{text}</a>],
          )}
        </p>
      )}
    </div>
  );
}
