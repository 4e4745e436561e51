import { TodayScreen } from "@/features/habits/components/today-screen";
import { TimeZoneNotice } from "@/features/settings/components/time-zone-notice";

export function TodayRoute() {
  return <TodayScreen notice={<TimeZoneNotice />} />;
}
