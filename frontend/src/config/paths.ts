export const paths = {
  today: "/",
  signIn: "/sign-in",
  signUp: "/sign-up",
  forgotPassword: "/forgot-password",
  // The pages emailed links open (the backend's accounts/mails.py builds the links).
  signUpConfirm: "/sign-up/confirm",
  resetPassword: "/reset-password",
  confirmEmail: "/confirm-email",
  habits: "/habits",
  newHabit: "/habits/new",
  habit: (id: number | string) => `/habits/${id}`,
  editHabit: (id: number | string) => `/habits/${id}/edit`,
  archive: "/archive",
  settings: "/settings",
} as const;
