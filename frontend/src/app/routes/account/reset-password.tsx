import { ResetPasswordForm } from "@/features/auth/components/reset-password";

export default function ResetPasswordRoute() {
  return <ResetPasswordForm />;
}
