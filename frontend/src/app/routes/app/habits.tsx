import { HabitManager } from "@/features/habits/components/habit-manager";

export default function HabitsRoute() {
  return <HabitManager />;
}
