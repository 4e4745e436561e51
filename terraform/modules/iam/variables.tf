variable "name" {
  description = "Prefix for names of this environment, e.g. habits-staging (the resources the runbook touches are named after it)."
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

variable "primary_region" {
  description = "Region of the primary stack (the way back restores there)."
  type        = string
}

variable "dr_region" {
  description = "Disaster-recovery region of the pilot light, where the operator fails over."
  type        = string
}

variable "failover_switch_name" {
  description = "Name of the failover switch, the CloudWatch alarm in dr_region that ops.dr open and close flip."
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
