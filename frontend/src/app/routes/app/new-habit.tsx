import { useLingui } from "@lingui/react";
import { useLocation, useNavigate } from "@/lib/router";
import { paths } from "@/config/paths";
import { notify } from "@/components/notifications";
import { PageTitle } from "@/components/page-title";
import { useCreateHabit } from "@/features/habits/api/create-habit";
import { HabitForm } from "@/features/habits/components/habit-form/habit-form";

export default function NewHabitRoute() {
  const { i18n } = useLingui();
  const create = useCreateHabit();
  const navigate = useNavigate();
  // Opened from a link or a bookmark, there is no page of this app to go back to: go to Today.
  const cameFromApp = useLocation().key !== "default";
  return (
    <>
      <PageTitle title={i18n._("New habit")}>{i18n._("New habit")}</PageTitle>
      <HabitForm
        submitLabel={i18n._("Create habit")}
        onCancel={() => void (cameFromApp ? navigate(-1) : navigate(paths.today))}
        onSubmit={async (input) => {
          const habit = await create.mutateAsync(input);
          notify(i18n._("“{name}” was created.", { name: habit.name }));
          await navigate(paths.today);
        }}
      />
    </>
  );
}
