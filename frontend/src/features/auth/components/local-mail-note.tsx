import { LOCAL_MAIL_PATH, useLocalMail } from "../api/get-local-mail";

/**
 * In a local run (`make run`), no mail leaves the machine: this says where it can be read instead,
 * with the newest one's link. It shows only where the local mail page answers, so a deployed site
 * never mentions it.
 */
export function LocalMailNote({ to }: { to: string }) {
  const mail = useLocalMail(to, { queryConfig: { staleTime: 0 } });
  if (!mail.isSuccess) return null;
  const newest = mail.data[0];
  const link = newest?.links[0];
  return (
    <div className="local-mail">
      <p>
        <strong>Running locally:</strong> no mail leaves this machine. It is printed in the terminal that runs the
        server and listed on the <a href={`${LOCAL_MAIL_PATH}?to=${encodeURIComponent(to)}`}>local mail page</a>.
      </p>
      {newest && link && (
        <p>
          Newest mail to {to}: “{newest.subject}”. <a href={link}>Open the link in it</a>
        </p>
      )}
    </div>
  );
}
