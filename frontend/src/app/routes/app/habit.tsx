import { useParams } from "react-router";
import { HabitDetail } from "@/features/habits/components/habit-detail";
import { NotFoundRoute } from "../not-found";

export default function HabitRoute() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundRoute />;
  return <HabitDetail key={id} id={id} />;
}
