variable "environment" {
  description = "Which environment this is: staging or production. Chooses the sizes in locals.profiles (each overridable below)."
  type        = string

  validation {
    condition     = contains(["staging", "production"], var.environment)
    error_message = "environment must be one of: staging, production."
  }
}

variable "project" {
  description = "Project name, the first part of every resource name."
  type        = string
  default     = "habits"
}

variable "global_name_suffix" {
  description = "Appended to every account-wide name (IAM roles and policy, S3 buckets, CloudFront and WAF names), so that a second copy of the stack in another region of the same account never collides; empty for the primary stack."
  type        = string
  default     = ""

  validation {
    condition     = can(regex("^(-[a-z0-9]+)?$", var.global_name_suffix))
    error_message = "global_name_suffix must be empty or a hyphen followed by lower-case letters and digits, e.g. -usw2."
  }
}

variable "standby_global_name_suffix" {
  description = "The pilot light's global_name_suffix, read by the primary so that the site's CSP also names the standby's transfers bucket (imports keep working after a failover). Empty: the DR region's short form, e.g. -usw2 for us-west-2."
  type        = string
  default     = ""

  validation {
    condition     = can(regex("^(-[a-z0-9]+)?$", var.standby_global_name_suffix))
    error_message = "standby_global_name_suffix must be empty or a hyphen followed by lower-case letters and digits, e.g. -usw2."
  }
}

variable "deployment" {
  description = "Which copy of the stack this is: primary (the environment) or pilot_light (its standby in the DR region, applied with its own state there and a global_name_suffix)."
  type        = string
  default     = "primary"

  validation {
    condition     = contains(["primary", "pilot_light"], var.deployment)
    error_message = "deployment must be one of: primary, pilot_light."
  }
}

variable "pilot_light_enabled" {
  description = "Primary only: prepare a standby in dr_region (secret and image replication, the site's replica, the failover switch); null for the environment's profile (production yes, staging no)."
  type        = bool
  default     = null
}

variable "account_id" {
  description = "The AWS account this environment lives in (one account per environment); the providers refuse any other."
  type        = string

  validation {
    condition     = can(regex("^[0-9]{12}$", var.account_id))
    error_message = "account_id must be a 12-digit AWS account ID."
  }
}

variable "dr_region" {
  description = "The other region of the pair: for the primary, the DR region receiving the backup copies and the standby (the aws.dr provider's region); for the pilot light, the primary's region (its aws.dr provider is then its own region: it reaches nothing in the primary's)."
  type        = string
  default     = "us-west-2"
}

variable "domain_name" {
  description = "Public host name of the site, e.g. habits.example.com."
  type        = string

  validation {
    condition     = can(regex("^([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}$", var.domain_name))
    error_message = "domain_name must be a lower-case DNS name such as staging.habits.example.com."
  }
}

variable "hosted_zone_id" {
  description = "Route53 public hosted zone holding domain_name."
  type        = string
}

variable "alarm_email" {
  description = "Address that receives alarm notifications; null for none."
  type        = string
  default     = null
}

variable "image_tag" {
  description = "Tag (git commit SHA) of the API image the Lambda functions are first created with."
  type        = string
}

variable "operator_principal_arns" {
  description = "IAM principals of this account allowed to assume the disaster-recovery operator role."
  type        = list(string)
}

variable "repository_id" {
  description = "GitHub repository the pipelines build, as owner/name."
  type        = string
}

variable "branch" {
  description = "Branch whose pushes start the pipelines."
  type        = string
  default     = "main"
}

variable "terraform_state_bucket" {
  description = "S3 bucket of the Terraform state (in the main region); the terraform pipeline uses it, locking with S3's lock file."
  type        = string
}

variable "availability_zone_ids" {
  description = "The two availability zone IDs of the subnets; null for the region's default in locals.zone_ids."
  type        = list(string)
  default     = null
}

variable "db_min_capacity" {
  description = "Aurora Serverless v2 minimum ACUs (0 pauses when idle); null for the environment's profile."
  type        = number
  default     = null
}

variable "db_max_capacity" {
  description = "Aurora Serverless v2 maximum ACUs; null for the environment's profile."
  type        = number
  default     = null
}

variable "db_instance_count" {
  description = "Aurora instances: 1 (writer) or 2 (writer and a failover reader); null for the environment's profile."
  type        = number
  default     = null
}

variable "log_retention_days" {
  description = "Days to keep logs (API, database, flow, edge, builds); null for the environment's profile."
  type        = number
  default     = null
}

variable "lambda_memory_mb" {
  description = "Memory of the Lambda functions in MB."
  type        = number
  default     = 1024
}

variable "lambda_reserved_concurrency" {
  description = "Reserved concurrency of the API function; null for none (a new account's quota leaves none to reserve; docs/DEPLOY.md)."
  type        = number
  default     = null
}

variable "lambda_provisioned_concurrency" {
  description = "Provisioned concurrency on the live alias; 0 for none."
  type        = number
  default     = 0
}

variable "waf_rate_limit" {
  description = "Requests per IP per 5 minutes before WAF blocks the address."
  type        = number
  default     = 1000
}

variable "waf_auth_rate_limit" {
  description = "POSTs to /api/auth/ per IP per 5 minutes before WAF blocks the address."
  type        = number
  default     = 50
}

# A primary on a cluster restored outside Terraform (the way back of docs/RUNBOOK_DR.md). All three null
# (the default) for the normal path.
variable "restored_cluster_identifier" {
  description = "Identifier of the Aurora cluster restored outside Terraform (e.g. habits-production-2 after the way back): the database module then creates the subnet group and security group but no cluster. A full apply also needs restored_cluster_endpoint and restored_cluster_secret_arn; a plan targeted at the network and database may set the identifier alone."
  type        = string
  default     = null

  validation {
    condition     = var.restored_cluster_identifier == null || (can(regex("^[a-z](-?[a-z0-9])*$", var.restored_cluster_identifier)) && length(coalesce(var.restored_cluster_identifier, "-")) <= 63)
    error_message = "restored_cluster_identifier must be an RDS cluster identifier: lower-case letters, digits and single hyphens, starting with a letter, e.g. habits-production-dr."
  }
}

variable "restored_cluster_endpoint" {
  description = "Writer endpoint of the restored cluster (as printed by `ops.dr restore`); becomes DATABASE_HOST. Set together with restored_cluster_secret_arn, only with restored_cluster_identifier."
  type        = string
  default     = null

  validation {
    condition     = var.restored_cluster_endpoint == null || can(regex("^([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}$", var.restored_cluster_endpoint))
    error_message = "restored_cluster_endpoint must be a host name such as habits-production-dr.cluster-abc123.us-west-2.rds.amazonaws.com (no scheme, no port)."
  }

  validation {
    condition     = var.restored_cluster_endpoint == null || var.restored_cluster_identifier != null
    error_message = "restored_cluster_endpoint needs restored_cluster_identifier (the restored cluster's identifier)."
  }
}

variable "restored_cluster_secret_arn" {
  description = "ARN of the restored cluster's RDS-managed master user secret (as printed by `ops.dr restore`); becomes the migration function's DATABASE_SECRET_ARN. Set together with restored_cluster_endpoint, only with restored_cluster_identifier."
  type        = string
  default     = null

  validation {
    condition     = var.restored_cluster_secret_arn == null || can(regex("^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:.+$", var.restored_cluster_secret_arn))
    error_message = "restored_cluster_secret_arn must be a Secrets Manager secret ARN: arn:aws:secretsmanager:<region>:<account>:secret:<name>."
  }

  validation {
    condition     = (var.restored_cluster_secret_arn == null) == (var.restored_cluster_endpoint == null)
    error_message = "restored_cluster_endpoint and restored_cluster_secret_arn are set together (both from the output of ops.dr restore) or not at all."
  }

  validation {
    condition     = var.restored_cluster_secret_arn == null || var.restored_cluster_identifier != null
    error_message = "restored_cluster_secret_arn needs restored_cluster_identifier (the restored cluster's identifier)."
  }
}

variable "tags" {
  description = "Tags added to every resource (the providers' default tags come on top)."
  type        = map(string)
  default     = {}
}

variable "vapid_subject" {
  description = "VAPID contact (mailto: or https:); empty uses the site's sending address."
  type        = string
  default     = ""
}
