import { useQueryClient } from "@tanstack/react-query";
import { useParams } from "@/lib/router";
import { habitKeys } from "@/features/habits/api/keys";
import { HabitDetail } from "@/features/habits/components/habit-detail";
import { ReminderSection } from "@/features/reminders/components/reminder-section";
import { NotFoundRoute } from "../not-found";

export default function HabitRoute() {
  const id = Number(useParams().id);
  const queryClient = useQueryClient();
  if (!Number.isInteger(id) || id <= 0) return <NotFoundRoute />;
  return (
    <HabitDetail
      key={id}
      id={id}
      reminder={(habit) => (
        <ReminderSection
          habitId={habit.id}
          habitWeekdays={habit.weekdays}
          reminder={habit.reminder}
          onChanged={() => queryClient.invalidateQueries({ queryKey: habitKeys.all })}
        />
      )}
    />
  );
}
