import { SecuritySection } from "@/features/auth/components/security/security-section";
import { SettingsScreen } from "@/features/settings/components/settings-screen";

export default function SettingsRoute() {
  return <SettingsScreen security={<SecuritySection />} />;
}
