import { ConfirmEmail } from "@/features/auth/components/confirm-email";

export default function ConfirmEmailRoute() {
  return <ConfirmEmail />;
}
