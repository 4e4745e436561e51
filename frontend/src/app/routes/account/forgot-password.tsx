import { ForgotPasswordForm } from "@/features/auth/components/forgot-password";

export default function ForgotPasswordRoute() {
  return <ForgotPasswordForm />;
}
