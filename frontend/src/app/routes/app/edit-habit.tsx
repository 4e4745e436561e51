import { useNavigate, useParams } from "@/lib/router";
import { paths } from "@/config/paths";
import { notify } from "@/components/notifications";
import { PageTitle } from "@/components/page-title";
import { ErrorState, Loading } from "@/components/status";
import { useHabit } from "@/features/habits/api/get-habit";
import { useUpdateHabit } from "@/features/habits/api/update-habit";
import { HabitForm } from "@/features/habits/components/habit-form/habit-form";

export default function EditHabitRoute() {
  const id = Number(useParams().id);
  const habit = useHabit({ id });
  const update = useUpdateHabit();
  const navigate = useNavigate();
  if (habit.isPending) return <Loading label="Loading the habit…" />;
  if (habit.isError) return <ErrorState error={habit.error} />;
  return (
    <>
      <PageTitle title={`Edit ${habit.data.name}`}>Edit {habit.data.name}</PageTitle>
      <HabitForm
        initial={habit.data}
        submitLabel="Save changes"
        onCancel={() => void navigate(paths.habit(id))}
        onSubmit={async (input) => {
          await update.mutateAsync({ id, patch: input });
          notify("Changes saved.");
          await navigate(paths.habit(id));
        }}
      />
    </>
  );
}
