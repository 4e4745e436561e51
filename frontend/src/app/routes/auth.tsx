import { SignInForm, SignUpForm } from "@/features/auth/components/auth-form";

export function SignInRoute() {
  return <SignInForm />;
}

export function SignUpRoute() {
  return <SignUpForm />;
}
