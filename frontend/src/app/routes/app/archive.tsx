import { ArchiveList } from "@/features/habits/components/archive-list";

export default function ArchiveRoute() {
  return <ArchiveList />;
}
