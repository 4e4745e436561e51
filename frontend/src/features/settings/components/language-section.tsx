import { useLingui } from "@lingui/react";
import { Field, FormError } from "@/components/field";
import { LanguageSelect } from "@/components/language-switcher";
import { errorMessage } from "@/components/status";
import { useUpdateLanguage } from "../api/update-me";

/** The account's language: the SPA switches at once, and every device signed in follows. */
export function LanguageSection() {
  const { i18n } = useLingui();
  const update = useUpdateLanguage();
  return (
    <section className="card" aria-labelledby="language-title">
      <h2 id="language-title">{i18n._("Language")}</h2>
      <FormError message={update.isError ? errorMessage(update.error) : null} />
      <Field label={i18n._("Language")} hint={i18n._("For the app, its emails and your reminders.")}>
        {(props) => <LanguageSelect {...props} onChange={(locale) => update.mutate(locale)} />}
      </Field>
    </section>
  );
}
