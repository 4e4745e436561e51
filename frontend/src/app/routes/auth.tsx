import { SignInForm } from "@/features/auth/components/auth-form";

export function SignInRoute() {
  return <SignInForm />;
}
