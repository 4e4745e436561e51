import { Link } from "@/lib/router";
import { paths } from "@/config/paths";
import { PageTitle } from "@/components/page-title";

export function NotFoundRoute() {
  return (
    <>
      <PageTitle title="Page not found">Page not found</PageTitle>
      <p>
        There is nothing at this address. <Link to={paths.today}>Go to Today</Link>.
      </p>
    </>
  );
}
