import { TodayScreen } from "@/features/habits/components/today-screen";

export function TodayRoute() {
  return <TodayScreen />;
}
