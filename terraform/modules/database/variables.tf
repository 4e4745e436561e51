variable "name" {
  description = "Prefix for every regional resource name, e.g. habits-staging."
  type        = string
}

variable "global_name" {
  description = "Prefix for account-wide names (the enhanced monitoring IAM role); differs from name only for a stack in a second region."
  type        = string
}

variable "kms_key_arn" {
  description = "KMS key encrypting the cluster, its master user secret, Performance Insights and its log group (whose name the key policy must allow, see output log_group_name)."
  type        = string
}

variable "permissions_boundary_arn" {
  description = "Permissions boundary of the IAM role this module creates."
  type        = string
}

variable "vpc_id" {
  description = "ID of the VPC the cluster lives in."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnet IDs (two availability zones) for the DB subnet group."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 2
    error_message = "subnet_ids must list at least two private subnets in different availability zones."
  }
}

variable "availability_zones" {
  description = "Availability zone names (of the subnets, in this account) for the writer and the reader instance, in that order."
  type        = list(string)

  validation {
    condition     = length(var.availability_zones) == 2
    error_message = "availability_zones must list exactly two zone names: writer first, reader second."
  }
}

variable "instance_count" {
  description = "Instances in the cluster: 1 (the writer; Aurora replaces it if it fails) or 2 (a reader in the other zone for a fast failover, billed like the writer)."
  type        = number
  default     = 1

  validation {
    condition     = contains([1, 2], var.instance_count)
    error_message = "instance_count must be one of: 1, 2."
  }
}

variable "client_security_group_id" {
  description = "Security group of the only clients (the API Lambda functions) allowed to reach PostgreSQL."
  type        = string
}

variable "engine_version" {
  description = "Aurora PostgreSQL 16 version a new cluster starts with (one that supports 0 ACUs). Afterwards AWS applies minor upgrades and Terraform ignores the minor version; the major is pinned by the parameter group family."
  type        = string
  default     = "16.6"

  validation {
    condition     = can(regex("^16\\.[0-9]+$", var.engine_version))
    error_message = "engine_version must be an Aurora PostgreSQL 16.x version, e.g. 16.6."
  }
}

variable "database_name" {
  description = "Name of the application database created in the cluster."
  type        = string
  default     = "habits"
}

variable "master_username" {
  description = "Master user name; its password is generated and kept in Secrets Manager by RDS."
  type        = string
  default     = "habits_admin"
}

variable "min_capacity" {
  description = "Minimum Aurora Serverless v2 capacity in ACUs: 0 lets the instances pause when no user is connected (the first connection then waits for the resume), 0.5 to 4 keeps them running."
  type        = number
  default     = 0.5

  validation {
    condition     = var.min_capacity == 0 || (var.min_capacity >= 0.5 && var.min_capacity <= 4 && floor(var.min_capacity * 2) == var.min_capacity * 2)
    error_message = "min_capacity must be 0 or between 0.5 and 4 ACUs in steps of 0.5."
  }
}

variable "seconds_until_auto_pause" {
  description = "With min_capacity 0: seconds without user connections before an instance pauses."
  type        = number
  default     = 300

  validation {
    condition     = var.seconds_until_auto_pause >= 300 && var.seconds_until_auto_pause <= 86400
    error_message = "seconds_until_auto_pause must be between 300 and 86400."
  }
}

variable "idle_session_timeout_ms" {
  description = "PostgreSQL idle_session_timeout: sessions idle (outside a transaction) this many milliseconds are closed by the server, so that connections kept by frozen Lambda environments do not keep an instance awake."
  type        = number
  default     = 60000

  validation {
    condition     = var.idle_session_timeout_ms >= 10000 && var.idle_session_timeout_ms < 300000
    error_message = "idle_session_timeout_ms must be between 10000 and 299999 (under the shortest auto-pause delay)."
  }
}

variable "client_connection_check_interval_ms" {
  description = "PostgreSQL client_connection_check_interval: how often (ms) a running query checks that its client is still connected."
  type        = number
  default     = 5000
}

variable "enhanced_monitoring" {
  description = "Enhanced monitoring (60-second OS metrics) and Performance Insights on the instances."
  type        = bool
  default     = true
}

variable "max_capacity" {
  description = "Maximum Aurora Serverless v2 capacity in ACUs."
  type        = number
  default     = 4

  validation {
    condition     = var.max_capacity >= 1 && var.max_capacity <= 16
    error_message = "max_capacity must be between 1 and 16 ACUs."
  }
}

variable "backup_retention_days" {
  description = "Days of automated Aurora backups (point-in-time recovery window)."
  type        = number
  default     = 7

  validation {
    condition     = var.backup_retention_days >= 7 && var.backup_retention_days <= 35
    error_message = "backup_retention_days must be between 7 and 35."
  }
}

variable "deletion_protection" {
  description = "Refuse to delete the cluster (and take a final snapshot if it is ever deleted)."
  type        = bool
  default     = true
}

variable "log_retention_days" {
  description = "Days to keep the PostgreSQL log exported to CloudWatch Logs."
  type        = number
  default     = 30
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}

variable "restored_cluster_identifier" {
  description = "Disaster recovery: identifier of an Aurora cluster restored outside Terraform (docs/RUNBOOK_DR.md). When set, the module creates no cluster, instances or master user secret, only what the restore and the clients need (subnet group, security group, key, parameter and log groups); null for the normal path."
  type        = string
  default     = null

  validation {
    condition     = var.restored_cluster_identifier == null || (can(regex("^[a-z](-?[a-z0-9])*$", var.restored_cluster_identifier)) && length(coalesce(var.restored_cluster_identifier, "-")) <= 63)
    error_message = "restored_cluster_identifier must be an RDS cluster identifier: lower-case letters, digits and single hyphens, starting with a letter, at most 63 characters."
  }
}

variable "restored_cluster_endpoint" {
  description = "Writer endpoint of the restored cluster (DATABASE_HOST); only with restored_cluster_identifier."
  type        = string
  default     = null

  validation {
    condition     = var.restored_cluster_endpoint == null || var.restored_cluster_identifier != null
    error_message = "restored_cluster_endpoint is only used with restored_cluster_identifier."
  }
}

variable "restored_cluster_secret_arn" {
  description = "ARN of the restored cluster's RDS-managed master user secret (DATABASE_SECRET_ARN); only with restored_cluster_identifier."
  type        = string
  default     = null

  validation {
    condition     = var.restored_cluster_secret_arn == null || can(regex("^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:.+$", var.restored_cluster_secret_arn))
    error_message = "restored_cluster_secret_arn must be a Secrets Manager secret ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>)."
  }

  validation {
    condition     = var.restored_cluster_secret_arn == null || var.restored_cluster_identifier != null
    error_message = "restored_cluster_secret_arn is only used with restored_cluster_identifier."
  }
}
