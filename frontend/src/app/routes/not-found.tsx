import { useLingui } from "@lingui/react";
import { Link } from "@/lib/router";
import { paths } from "@/config/paths";
import { PageTitle } from "@/components/page-title";

export function NotFoundRoute() {
  const { i18n } = useLingui();
  return (
    <>
      <PageTitle title={i18n._("Page not found")}>{i18n._("Page not found")}</PageTitle>
      <p>
        {i18n._("There is nothing at this address.")} <Link to={paths.today}>{i18n._("Go to Today")}</Link>
      </p>
    </>
  );
}
