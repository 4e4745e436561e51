import { SignUpForm } from "@/features/auth/components/sign-up-form";

export default function SignUpRoute() {
  return <SignUpForm />;
}
