variable "name" {
  description = "Prefix for every resource name, e.g. habits-staging."
  type        = string
}

variable "function_name" {
  description = "Name of the API Lambda function (its log group is created here, before the function)."
  type        = string
}

variable "migrate_function_name" {
  description = "Name of the migration Lambda function (its log group is created here, before the function)."
  type        = string
}

variable "kms_key_arn" {
  description = "KMS key encrypting the log groups and the alarm topic; its policy must name the log groups (output log_group_names) and let CloudWatch alarms publish."
  type        = string
}

variable "dashboard_enabled" {
  description = "Create the CloudWatch dashboard (billed per dashboard and month)."
  type        = bool
  default     = true
}

variable "api_id" {
  description = "ID of the HTTP API, for its alarms and dashboard widgets."
  type        = string
}

variable "db_cluster_id" {
  description = "Identifier of the Aurora cluster, for its alarms and dashboard widgets."
  type        = string
}

variable "cache_name" {
  description = "Name of the ElastiCache serverless cache, for its alarms and dashboard widgets."
  type        = string
}

variable "cache_ecpu_per_second_max" {
  description = "The cache's ECPU-per-second limit; the Redis CPU alarm fires at 80% of it."
  type        = number
}

variable "cache_data_storage_max_gb" {
  description = "The cache's data storage limit in GB; the Redis memory alarm fires at 80% of it."
  type        = number
}

variable "alarm_email" {
  description = "Address subscribed to the alarm topic (the subscription must be confirmed from the mail); null for none."
  type        = string
  default     = null

  validation {
    condition     = var.alarm_email == null || can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", var.alarm_email))
    error_message = "alarm_email must be an e-mail address or null."
  }
}

variable "log_retention_days" {
  description = "Days to keep the API's logs (Lambda and API Gateway access logs)."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be one of: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653."
  }
}

variable "api_latency_p95_threshold_ms" {
  description = "The API latency alarm fires when the 95th percentile stays above this many milliseconds."
  type        = number
  default     = 2000
}

variable "api_5xx_threshold" {
  description = "The API 5xx alarm fires when more than this many 5xx responses happen in 5 minutes."
  type        = number
  default     = 5
}

variable "aurora_connections_threshold" {
  description = "The Aurora connections alarm fires above this many connections (keep below what the ACU ceiling allows)."
  type        = number
  default     = 150
}

variable "cpu_threshold_percent" {
  description = "Aurora CPU alarm threshold in percent."
  type        = number
  default     = 80
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}

variable "alarms_enabled" {
  description = "Create the alarms; false for a standby, which has no database or cache to watch until a failover."
  type        = bool
  default     = true
}
