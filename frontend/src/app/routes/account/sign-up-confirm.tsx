import { SignUpConfirm } from "@/features/auth/components/sign-up-confirm";

export default function SignUpConfirmRoute() {
  return <SignUpConfirm />;
}
