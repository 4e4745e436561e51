import type { components } from "@/types/api";
import { requestRules } from "@/types/api-rules";

type Schemas = components["schemas"];

/** The accounts API's payloads under the names this feature uses; the shapes come from the generated schema types. */
export type MailSent = Schemas["MailSentOutput"];
export type Passkey = Schemas["PasskeyOutput"];
export type PasskeyOptions = Schemas["PasskeyOptionsOutput"];
export type LocalMail = Schemas["MessageOutput"];

/** A new password's limits (sign-up, reset and change share the password policy), from the OpenAPI schema. */
export const newPasswordLimits = requestRules.RegisterInputRequest.password;
