import { useLingui } from "@lingui/react";
import { useNavigate, useParams } from "@/lib/router";
import { paths } from "@/config/paths";
import { notify } from "@/components/notifications";
import { PageTitle } from "@/components/page-title";
import { ErrorState, Loading } from "@/components/status";
import { useHabit } from "@/features/habits/api/get-habit";
import { useUpdateHabit } from "@/features/habits/api/update-habit";
import { HabitForm } from "@/features/habits/components/habit-form/habit-form";

export default function EditHabitRoute() {
  const { i18n } = useLingui();
  const id = Number(useParams().id);
  const habit = useHabit({ id });
  const update = useUpdateHabit();
  const navigate = useNavigate();
  if (habit.isPending) return <Loading label={i18n._("Loading the habit…")} />;
  if (habit.isError) return <ErrorState error={habit.error} />;
  return (
    <>
      <PageTitle title={i18n._("Edit {name}", { name: habit.data.name })}>
        {i18n._("Edit {name}", { name: habit.data.name })}
      </PageTitle>
      <HabitForm
        initial={habit.data}
        submitLabel={i18n._("Save changes")}
        onCancel={() => void navigate(paths.habit(id))}
        onSubmit={async (input) => {
          await update.mutateAsync({ id, patch: input });
          notify(i18n._("Changes saved."));
          await navigate(paths.habit(id));
        }}
      />
    </>
  );
}
