variable "name" {
  description = "Prefix for every resource name, e.g. habits-staging."
  type        = string
}

variable "vpc_id" {
  description = "ID of the VPC the cache lives in."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnet IDs (two availability zones) for the cache endpoints."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 2
    error_message = "subnet_ids must list at least two private subnets in different availability zones."
  }
}

variable "client_security_group_id" {
  description = "Security group of the only clients (the API Lambda functions) allowed to reach Redis."
  type        = string
}

variable "data_storage_min_gb" {
  description = "Lower limit of the cache's data storage in GB."
  type        = number
  default     = 1

  validation {
    condition     = var.data_storage_min_gb >= 1 && var.data_storage_min_gb <= 10
    error_message = "data_storage_min_gb must be between 1 and 10."
  }
}

variable "data_storage_max_gb" {
  description = "Upper limit of the cache's data storage in GB (caps the bill)."
  type        = number
  default     = 10

  validation {
    condition     = var.data_storage_max_gb >= 1 && var.data_storage_max_gb <= 100
    error_message = "data_storage_max_gb must be between 1 and 100."
  }
}

variable "ecpu_per_second_max" {
  description = "Upper limit of ElastiCache Processing Units per second (caps the bill)."
  type        = number
  default     = 5000
}

variable "snapshot_retention_days" {
  description = "Days of daily snapshots to keep (sessions and cache can be rebuilt, so few are needed)."
  type        = number
  default     = 1
}

variable "redis_url_parameter_name" {
  description = "Name of the SSM SecureString parameter that receives the rediss:// URL (REDIS_URL_PARAMETER)."
  type        = string
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
