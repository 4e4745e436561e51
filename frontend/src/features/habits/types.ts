export type EntryStatus = "done" | "skipped" | "not_done";

export interface Entry {
  date: string;
  status: EntryStatus;
  value: number | null;
  note: string;
}

export interface Frequency {
  times: number;
  days: number;
}

export interface Habit {
  id: number;
  name: string;
  description: string;
  question: string;
  color: string;
  kind: "boolean" | "numeric";
  unit: string;
  target_value: number | null;
  target_type: "at_least" | "at_most";
  frequency: Frequency;
  weekdays: number[];
  period: "rolling" | "calendar";
  archived: boolean;
  position: number;
  created_at: string;
  today_entry: Entry | null;
  scheduled_today: boolean;
  current_streak: number;
  score: number;
}

export interface CompletionBucket {
  start: string;
  end: string;
  done: number;
  scheduled: number;
  rate: number;
}

export interface HabitStats {
  current_streak: number;
  best_streak: number;
  score: number;
  score_history: { date: string; score: number }[];
  completion: { week: CompletionBucket[]; month: CompletionBucket[]; year: CompletionBucket[] };
  total_done: number;
}
