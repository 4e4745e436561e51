import { SecuritySection } from "@/features/auth/components/security/security-section";
import { DeviceNotifications } from "@/features/reminders/components/device-notifications";
import { SettingsScreen } from "@/features/settings/components/settings-screen";

export default function SettingsRoute() {
  return <SettingsScreen notifications={<DeviceNotifications />} security={<SecuritySection />} />;
}
