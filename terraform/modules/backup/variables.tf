variable "name" {
  description = "Prefix for every resource name, e.g. habits-staging."
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
  description = "Days to keep hourly recovery points (in both regions); hourly points give the 1-hour RPO."
  type        = number
  default     = 7

  validation {
    condition     = var.hourly_retention_days >= 1 && var.hourly_retention_days <= 35
    error_message = "hourly_retention_days must be between 1 and 35."
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
