export const paths = {
  today: "/",
  signIn: "/sign-in",
  signUp: "/sign-up",
  habits: "/habits",
  newHabit: "/habits/new",
  habit: (id: number | string) => `/habits/${id}`,
  editHabit: (id: number | string) => `/habits/${id}/edit`,
  archive: "/archive",
  settings: "/settings",
} as const;
