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
  description = "Security group of the only clients (the Lambda functions) allowed to reach the cache."
  type        = string
}

variable "kms_key_arn" {
  description = "KMS key encrypting the cache's data and snapshots."
  type        = string
}

variable "major_engine_version" {
  description = "Valkey major version."
  type        = string
  default     = "8"

  validation {
    condition     = contains(["7", "8"], var.major_engine_version)
    error_message = "major_engine_version must be one of: 7, 8."
  }
}

variable "data_storage_max_gb" {
  description = "Upper limit of the cache's data storage in GB (caps the bill; least-recently-used keys with a TTL are evicted beyond it)."
  type        = number
  default     = 1

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

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}

variable "cache_enabled" {
  description = "Create the serverless cache; false for a standby, which gets its security group, users and user group now and the cache on the day (ops.dr cache)."
  type        = bool
  default     = true
}
