/**
 * Generated from the backend's OpenAPI schema by `make api-types` (frontend/scripts/api-types.mjs).
 * Do not edit: change the backend and regenerate. `make frontend-test` fails when this file no
 * longer matches the schema.
 */

/** The limits the API puts on each request body's fields, by schema name and field. */
export const requestRules = {
  ApiTokenInputRequest: { name: { minLength: 1, maxLength: 64 }, lifetime_days: { minimum: 1, maximum: 366 } },
  ConfirmInputRequest: { token: { minLength: 1, maxLength: 200 }, password: { minLength: 1, maxLength: 128 } },
  EmailChangeInputRequest: { password: { minLength: 1, maxLength: 128 }, new_email: { minLength: 1, maxLength: 254 } },
  EmailConfirmInputRequest: { token: { minLength: 1, maxLength: 1000 } },
  EntryInputRequest: {
    value: { minimum: 0, maximum: 1000000000000, exclusiveMaximum: true },
    note: { maxLength: 1000 },
  },
  FrequencyRequest: { times: { minimum: 1, maximum: 366 }, days: { minimum: 1, maximum: 366 } },
  GroupInputRequest: { name: { minLength: 1, maxLength: 100 } },
  HabitInputRequest: {
    name: { minLength: 1, maxLength: 100 },
    description: { maxLength: 1000 },
    question: { maxLength: 200 },
    color: { minLength: 1, maxLength: 7, pattern: "^#[0-9A-Fa-f]{6}$" },
    unit: { maxLength: 30 },
    target_value: { minimum: 0, maximum: 1000000000000, exclusiveMaximum: true },
    weekdays: { maxItems: 7, items: { minimum: 1, maximum: 7 } },
    group: { minimum: 1 },
  },
  ImportJobInputRequest: { size: { minimum: 1, maximum: 20971520 } },
  LoginInputRequest: {
    email: { minLength: 1, maxLength: 254 },
    password: { minLength: 1, maxLength: 128 },
    time_zone: { minLength: 1, maxLength: 64 },
  },
  PasskeyRegisterInputRequest: { name: { minLength: 1, maxLength: 64 } },
  PasskeyRegisterOptionsInputRequest: { password: { minLength: 1, maxLength: 128 } },
  PasswordInputRequest: {
    current_password: { minLength: 1, maxLength: 128 },
    new_password: { minLength: 15, maxLength: 128 },
  },
  PatchedGroupInputRequest: { name: { minLength: 1, maxLength: 100 } },
  PatchedHabitInputRequest: {
    name: { minLength: 1, maxLength: 100 },
    description: { maxLength: 1000 },
    question: { maxLength: 200 },
    color: { minLength: 1, maxLength: 7, pattern: "^#[0-9A-Fa-f]{6}$" },
    unit: { maxLength: 30 },
    target_value: { minimum: 0, maximum: 1000000000000, exclusiveMaximum: true },
    weekdays: { maxItems: 7, items: { minimum: 1, maximum: 7 } },
    group: { minimum: 1 },
  },
  PatchedSettingsInputRequest: {
    time_zone: { minLength: 1, maxLength: 64 },
    day_start_hour: { minimum: 0, maximum: 23 },
  },
  PushKeysInputRequest: { p256dh: { minLength: 1, maxLength: 200 }, auth: { minLength: 1, maxLength: 200 } },
  PushSubscriptionInputRequest: { endpoint: { minLength: 1, maxLength: 1000 } },
  RegisterInputRequest: {
    email: { minLength: 1, maxLength: 254 },
    password: { minLength: 15, maxLength: 128 },
    time_zone: { minLength: 1, maxLength: 64 },
  },
  ReminderActInputRequest: { token: { minLength: 1, maxLength: 1000 } },
  ReminderInputRequest: { weekdays: { minItems: 1, maxItems: 7, items: { minimum: 0, maximum: 6 } } },
  ReorderInputRequest: { ids: { maxItems: 10000, items: { minimum: 1 } } },
  ResetConfirmInputRequest: {
    token: { minLength: 1, maxLength: 200 },
    new_password: { minLength: 15, maxLength: 128 },
  },
  ResetInputRequest: { email: { minLength: 1, maxLength: 254 } },
} as const;

/** Every enum of the API, by schema name, in the schema's order. */
export const apiEnums = {
  ActionEnum: ["done", "skip"],
  ApiTokenScopeEnum: ["read", "read_write"],
  ChannelEnum: ["push", "email"],
  EntryStatusEnum: ["done", "skipped", "not_done"],
  HabitKindEnum: ["boolean", "numeric"],
  ImportKindEnum: ["loop", "backup"],
  ImportStageEnum: ["fetch", "check", "save"],
  ImportStateEnum: ["waiting_upload", "queued", "running", "done", "failed"],
  LanguageEnum: ["en", "es", "de"],
  NullEnum: [null],
  PeriodEnum: ["rolling", "calendar"],
  ReminderActOutputStatusEnum: ["done", "skipped"],
  TargetTypeEnum: ["at_least", "at_most"],
} as const;
