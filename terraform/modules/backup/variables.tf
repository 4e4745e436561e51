variable "name" {
  description = "Prefix for every regional resource name, e.g. habits-staging."
  type        = string
}

variable "global_name" {
  description = "Prefix for account-wide names (the backup IAM role); differs from name only for a stack in a second region."
  type        = string
}

variable "kms_key_arn" {
  description = "KMS key of the backup vault in the main region."
  type        = string
}

variable "dr_kms_key_arn" {
  description = "KMS key, in the disaster-recovery region, of the vault that receives the copies."
  type        = string
}

variable "permissions_boundary_arn" {
  description = "Permissions boundary of the IAM role this module creates."
  type        = string
}

variable "resource_arns" {
  description = "ARNs of the resources the plan backs up (the Aurora cluster)."
  type        = list(string)

  validation {
    condition     = length(var.resource_arns) > 0
    error_message = "resource_arns must list at least one resource ARN."
  }
}

variable "hourly_retention_days" {
  description = "Days to keep hourly recovery points (in both regions); hourly points give the 1-hour RPO. null for daily backups only."
  type        = number
  default     = 7

  validation {
    condition     = var.hourly_retention_days == null || (coalesce(var.hourly_retention_days, 1) >= 1 && coalesce(var.hourly_retention_days, 1) <= 35)
    error_message = "hourly_retention_days must be null or between 1 and 35."
  }
}

variable "daily_retention_days" {
  description = "Days to keep daily recovery points (in both regions)."
  type        = number
  default     = 90

  validation {
    condition     = var.daily_retention_days >= 7 && var.daily_retention_days <= 3650
    error_message = "daily_retention_days must be between 7 and 3650."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
