variable "name" {
  description = "Prefix for names of this environment, e.g. habits-staging."
  type        = string
}

variable "global_name" {
  description = "Prefix for account-wide names (the operator IAM role); differs from name only for a stack in a second region."
  type        = string
}

variable "permissions_boundary_arn" {
  description = "Permissions boundary of the operator role."
  type        = string
}

variable "trusted_principal_arns" {
  description = "IAM principals (users or roles of this account, e.g. an SSO role) allowed to assume the operator role."
  type        = list(string)

  validation {
    condition     = length(var.trusted_principal_arns) > 0 && alltrue([for a in var.trusted_principal_arns : can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:", a))])
    error_message = "trusted_principal_arns must list at least one IAM ARN (arn:<partition>:iam::<account>:...)."
  }
}

variable "require_mfa" {
  description = "Allow assuming the role only with multi-factor authentication."
  type        = bool
  default     = true
}

variable "dr_region" {
  description = "Disaster-recovery region where the operator restores the database (us-west-2)."
  type        = string
}

variable "dr_vault_arn" {
  description = "ARN of the backup vault in the disaster-recovery region."
  type        = string
}

variable "dr_kms_key_arn" {
  description = "KMS key of the disaster-recovery vault."
  type        = string
}

variable "backup_role_arn" {
  description = "Role AWS Backup uses for restores; the operator passes it to StartRestoreJob."
  type        = string
}

variable "max_session_hours" {
  description = "Longest session of the operator role in hours (a restore takes a while)."
  type        = number
  default     = 4

  validation {
    condition     = var.max_session_hours >= 1 && var.max_session_hours <= 12
    error_message = "max_session_hours must be between 1 and 12."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
