variable "name" {
  description = "Prefix for every resource name, e.g. habits-staging."
  type        = string
}

variable "function_name" {
  description = "Name of the API Lambda function (its log group is created beforehand by the observability module)."
  type        = string
}

variable "image_tag" {
  description = "Tag (git commit SHA) of the image in this module's ECR repository that the function is created with; later deployments belong to the backend pipeline."
  type        = string
}

variable "architecture" {
  description = "Instruction set of the image: x86_64 or arm64."
  type        = string
  default     = "x86_64"

  validation {
    condition     = contains(["x86_64", "arm64"], var.architecture)
    error_message = "architecture must be one of: x86_64, arm64."
  }
}

variable "memory_mb" {
  description = "Memory of the function in MB (CPU scales with it)."
  type        = number
  default     = 1024

  validation {
    condition     = var.memory_mb >= 128 && var.memory_mb <= 10240
    error_message = "memory_mb must be between 128 and 10240."
  }
}

variable "timeout_seconds" {
  description = "Function timeout in seconds (API Gateway gives up after 30 s; migrations invoked directly may need longer)."
  type        = number
  default     = 30

  validation {
    condition     = var.timeout_seconds >= 1 && var.timeout_seconds <= 900
    error_message = "timeout_seconds must be between 1 and 900."
  }
}

variable "reserved_concurrency" {
  description = "Maximum concurrent executions; every execution may hold a database connection, so this protects Aurora."
  type        = number
  default     = 20

  validation {
    condition     = var.reserved_concurrency >= 1
    error_message = "reserved_concurrency must be at least 1 (0 would disable the function)."
  }
}

variable "provisioned_concurrency" {
  description = "Pre-initialised executions kept warm on the live alias; 0 turns provisioned concurrency off."
  type        = number
  default     = 0

  validation {
    condition     = var.provisioned_concurrency >= 0
    error_message = "provisioned_concurrency must be 0 or more."
  }
}

variable "subnet_ids" {
  description = "Private subnet IDs the function's network interfaces use."
  type        = list(string)
}

variable "security_group_ids" {
  description = "Security groups of the function (the network module's egress-only Lambda group)."
  type        = list(string)
}

variable "log_group_name" {
  description = "CloudWatch log group the function writes to."
  type        = string
}

variable "log_group_arn" {
  description = "ARN of the function's CloudWatch log group."
  type        = string
}

variable "api_access_log_group_arn" {
  description = "ARN of the CloudWatch log group receiving API Gateway access logs."
  type        = string
}

variable "log_level" {
  description = "Django log level (LOG_LEVEL)."
  type        = string
  default     = "INFO"

  validation {
    condition     = contains(["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"], var.log_level)
    error_message = "log_level must be one of: DEBUG, INFO, WARNING, ERROR, CRITICAL."
  }
}

variable "site_domain" {
  description = "Public host name of the site, e.g. habits.example.com (allowed host and CSRF trusted origin)."
  type        = string
}

variable "api_base_path" {
  description = "Prefix stripped from request paths (API_BASE_PATH); empty for the $default stage."
  type        = string
  default     = ""
}

variable "database_secret_arn" {
  description = "ARN of the Aurora-managed master user secret (DATABASE_SECRET_ARN); after a disaster recovery, the restored cluster's."
  type        = string
}

variable "database_host" {
  description = "Aurora writer endpoint (DATABASE_HOST); after a disaster recovery, the restored cluster's."
  type        = string
}

variable "database_port" {
  description = "PostgreSQL port (DATABASE_PORT)."
  type        = number
  default     = 5432
}

variable "database_name" {
  description = "Application database name (DATABASE_NAME)."
  type        = string
}

variable "redis_url_parameter_name" {
  description = "Name of the SSM SecureString parameter holding the Redis URL (REDIS_URL_PARAMETER)."
  type        = string
}

variable "redis_url_parameter_arn" {
  description = "ARN of the SSM parameter holding the Redis URL."
  type        = string
}

variable "decrypt_kms_key_arns" {
  description = "KMS keys encrypting the database secret and the Redis URL parameter; the function may use them only through Secrets Manager and SSM."
  type        = list(string)
}

variable "throttling_rate_limit" {
  description = "Steady-state requests per second API Gateway lets through."
  type        = number
  default     = 100
}

variable "throttling_burst_limit" {
  description = "Burst of requests API Gateway lets through."
  type        = number
  default     = 200
}

variable "warmup_enabled" {
  description = "Invoke the function every 5 minutes from EventBridge so that one execution environment stays warm."
  type        = bool
  default     = true
}

variable "ecr_images_to_keep" {
  description = "Number of tagged images kept in ECR (older ones expire; rollbacks need a few)."
  type        = number
  default     = 20
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
