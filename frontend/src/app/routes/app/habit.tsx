import { useQueryClient } from "@tanstack/react-query";
import { useParams } from "react-router";
import { habitKeys } from "@/features/habits/api/keys";
import { HabitDetail } from "@/features/habits/components/habit-detail";
import type { Habit } from "@/features/habits/types";
import type { ReminderSummary } from "@/features/reminders/api/contract";
import { ReminderSection } from "@/features/reminders/components/reminder-section";
import { NotFoundRoute } from "../not-found";

/** The habit as the API sends it, with its reminder (issue 19; in the generated types once merged). */
type HabitWithReminder = Habit & { reminder?: ReminderSummary | null };

export default function HabitRoute() {
  const id = Number(useParams().id);
  const queryClient = useQueryClient();
  if (!Number.isInteger(id) || id <= 0) return <NotFoundRoute />;
  return (
    <HabitDetail
      key={id}
      id={id}
      reminder={(habit: HabitWithReminder) => (
        <ReminderSection
          habitId={habit.id}
          habitWeekdays={habit.weekdays}
          reminder={habit.reminder ?? null}
          onChanged={() => queryClient.invalidateQueries({ queryKey: habitKeys.all })}
        />
      )}
    />
  );
}
