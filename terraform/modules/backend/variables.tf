variable "name" {
  description = "Prefix for every regional resource name, e.g. habits-staging."
  type        = string
}

variable "global_name" {
  description = "Prefix for account-wide names (the IAM roles); differs from name only for a stack in a second region."
  type        = string
}

variable "function_name" {
  description = "Name of the API Lambda function (its log group is created beforehand by the observability module)."
  type        = string
}

variable "migrate_function_name" {
  description = "Name of the migration Lambda function (its log group is created beforehand by the observability module)."
  type        = string
}

variable "kms_key_arn" {
  description = "KMS key of the image repository, the secrets and the functions' environment."
  type        = string
}

variable "decrypt_kms_key_arns" {
  description = "Other keys encrypting secrets the functions read (a restored cluster's master secret); used only through Secrets Manager."
  type        = list(string)
  default     = []
}

variable "permissions_boundary_arn" {
  description = "Permissions boundary of the IAM roles this module creates."
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
  description = "API function timeout in seconds (API Gateway gives up after 30 s)."
  type        = number
  default     = 30

  validation {
    condition     = var.timeout_seconds >= 1 && var.timeout_seconds <= 30
    error_message = "timeout_seconds must be between 1 and 30 (API Gateway's integration limit)."
  }
}

variable "migrate_timeout_seconds" {
  description = "Migration function timeout in seconds (Lambda's maximum is 900)."
  type        = number
  default     = 900

  validation {
    condition     = var.migrate_timeout_seconds >= 60 && var.migrate_timeout_seconds <= 900
    error_message = "migrate_timeout_seconds must be between 60 and 900."
  }
}

variable "reserved_concurrency" {
  description = "Reserved (maximum) concurrency of the API function, bounding Aurora connections; null for none. Needs an account quota of at least this plus 100 (checked at plan time); a new account has less."
  type        = number
  default     = null

  validation {
    condition     = var.reserved_concurrency == null || coalesce(var.reserved_concurrency, 1) >= 1
    error_message = "reserved_concurrency must be null or at least 1 (0 would disable the function)."
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
  description = "Security groups of the functions (the network module's egress-only Lambda group)."
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

variable "migrate_log_group_name" {
  description = "CloudWatch log group the migration function writes to."
  type        = string
}

variable "migrate_log_group_arn" {
  description = "ARN of the migration function's CloudWatch log group."
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
  description = "ARN of the Aurora-managed master user secret: the migration function's credentials (DATABASE_SECRET_ARN); after a disaster recovery, the restored cluster's."
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

variable "database_app_user" {
  description = "PostgreSQL role the API connects as with an IAM token (DATABASE_USER); a migration creates it and grants it rds_iam and the application's privileges."
  type        = string
  default     = "habits_app"

  validation {
    condition     = can(regex("^[a-z_][a-z0-9_]{0,62}$", var.database_app_user))
    error_message = "database_app_user must be a plain lower-case PostgreSQL role name, e.g. habits_app."
  }
}

variable "database_cluster_resource_id" {
  description = "Resource ID (cluster-...) of the Aurora cluster, named by the rds-db:connect permission; null for a cluster restored outside Terraform (any cluster of the account and region, for database_app_user only)."
  type        = string
  default     = null
}

variable "database_ca_bundle_path" {
  description = "Path, inside the image, of the RDS global CA bundle the functions verify the database's certificate with (DATABASE_SSLROOTCERT, sslmode verify-full)."
  type        = string
  default     = "/var/task/certs/rds-global-bundle.pem"
}

variable "api_statement_timeout_ms" {
  description = "statement_timeout of the API's database sessions in ms (DATABASE_STATEMENT_TIMEOUT_MS); requests must finish within API Gateway's 30 s."
  type        = number
  default     = 5000
}

variable "migrate_statement_timeout_ms" {
  description = "statement_timeout of the migration function's sessions in ms (DATABASE_STATEMENT_TIMEOUT_MS): long enough for a migration's largest statement, shorter than the function's timeout."
  type        = number
  default     = 600000
}

variable "migrate_lock_timeout_ms" {
  description = "lock_timeout of the migration function's sessions in ms (DATABASE_LOCK_TIMEOUT_MS): a migration that waits longer for a table lock fails instead of queueing every request behind it."
  type        = number
  default     = 5000
}

variable "manage_commands" {
  description = "Management commands the migration function may run (MANAGE_COMMANDS); anything else is refused."
  type        = list(string)
  default     = ["migrate", "showmigrations", "check", "createcachetable"]

  validation {
    condition     = length(setintersection(toset(var.manage_commands), toset(["shell", "dbshell", "runserver", "flush", "loaddata", "createsuperuser", "changepassword"]))) == 0
    error_message = "manage_commands must not include interactive or destructive commands (shell, dbshell, runserver, flush, loaddata, createsuperuser, changepassword)."
  }
}

variable "cache_host" {
  description = "Host name of the Valkey serverless cache (REDIS_HOST)."
  type        = string
}

variable "cache_port" {
  description = "Port of the cache (REDIS_PORT)."
  type        = number
  default     = 6379
}

variable "cache_name" {
  description = "Name of the serverless cache, part of the IAM token (REDIS_CACHE_NAME)."
  type        = string
}

variable "cache_arn" {
  description = "ARN of the serverless cache (resource of elasticache:Connect)."
  type        = string
}

variable "cache_user_id" {
  description = "ElastiCache user the API authenticates as with an IAM token (REDIS_IAM_USER)."
  type        = string
}

variable "cache_user_arn" {
  description = "ARN of that user (resource of elasticache:Connect)."
  type        = string
}

variable "origin_verify_header_name" {
  description = "Header CloudFront adds with the origin secret's current value (ORIGIN_VERIFY_HEADER)."
  type        = string
  default     = "X-Origin-Verify"
}

variable "client_address_header_name" {
  description = "Header CloudFront sets to the viewer's address and port (CLIENT_ADDRESS_HEADER); viewers cannot set it."
  type        = string
  default     = "CloudFront-Viewer-Address"
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
  description = "Invoke the function every 5 minutes from EventBridge so that one execution environment stays warm (pointless where the database pauses)."
  type        = bool
  default     = false
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

variable "mail_identity_arn" {
  description = "ARN of the SES identity the API function sends as (ses:SendEmail)."
  type        = string
}

variable "mail_configuration_set_arn" {
  description = "ARN of the SES configuration set mail goes through (ses:SendEmail)."
  type        = string
}

variable "mail_configuration_set_name" {
  description = "Name of the SES configuration set (MAIL_SES_CONFIGURATION_SET)."
  type        = string
}

variable "mail_from_address" {
  description = "The address mail is sent from, on the verified domain (the ses:FromAddress the role may use)."
  type        = string
}

variable "mail_from" {
  description = "The From header of mail (MAIL_FROM), e.g. \"Habit Tracker <no-reply@habits.example.com>\"."
  type        = string
}

variable "standby" {
  description = "A pilot light in the disaster-recovery region: read the primary's replicated secrets instead of creating them, start with no database or cache (ops.dr points the functions at them on the day), and let the migration role read the master secret of a cluster restored then."
  type        = bool
  default     = false
}

variable "replica_region" {
  description = "Region of the standby that the secrets and the image repository are replicated to; null for none (no standby)."
  type        = string
  default     = null
}

variable "replica_kms_key_arn" {
  description = "KMS key in replica_region encrypting the secrets' replicas; required with replica_region."
  type        = string
  default     = null

  validation {
    condition     = var.replica_kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:", var.replica_kms_key_arn))
    error_message = "replica_kms_key_arn must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)."
  }
}

variable "origin_domain_name" {
  description = "Name CloudFront reaches the API at (api-origin.<site domain>): this region's API Gateway custom domain and its Route 53 failover record."
  type        = string
}

variable "hosted_zone_id" {
  description = "Route 53 public hosted zone of origin_domain_name."
  type        = string
}

variable "create_origin_validation_record" {
  description = "Create the certificate's DNS validation record (the primary: ACM uses the same record for the name in every region, so the standby relies on it)."
  type        = bool
  default     = true
}

variable "failover_role" {
  description = "This region's role in the origin's failover record: PRIMARY or SECONDARY."
  type        = string
  default     = "PRIMARY"

  validation {
    condition     = contains(["PRIMARY", "SECONDARY"], var.failover_role)
    error_message = "failover_role must be one of: PRIMARY, SECONDARY."
  }
}

variable "failover_health_check_id" {
  description = "Route 53 health check of the primary's failover record (the failover switch); null for none (the standby's record, or no standby)."
  type        = string
  default     = null
}

variable "log_retention_days" {
  description = "Retention of the log groups this module creates (the reminder sender's and the push relay's)."
  type        = number
  default     = 30
}

variable "reminders_enabled" {
  description = "Whether the schedule wakes the reminder sender every minute (off in a standby until it is opened)."
  type        = bool
  default     = true
}

variable "vapid_subject" {
  description = "Contact push services may use (VAPID sub claim), a mailto: or https: URL."
  type        = string
  default     = ""
}

variable "reminders_memory_mb" {
  description = "Memory of the reminder sender in MB."
  type        = number
  default     = 512
}

variable "transfers" {
  description = "The import and export files' bucket, as { bucket_name, bucket_arn, prefixes, region }: the API function may put, get and delete objects under those prefixes only, and invoke itself asynchronously to run an import job. Null: no bucket (imports and exports go through the API)."
  type = object({
    bucket_name = string
    bucket_arn  = string
    prefixes    = list(string)
    region      = string
  })
  default = null
}
