variable "region" {
  description = "Main AWS region of the environment."
  type        = string
  default     = "us-east-1"
}

variable "dr_region" {
  description = "Disaster-recovery region receiving backup copies."
  type        = string
  default     = "us-west-2"

  validation {
    condition     = var.dr_region != var.region
    error_message = "dr_region must differ from region."
  }
}

variable "project" {
  description = "Project name, the first part of every resource name."
  type        = string
  default     = "habits"
}

variable "domain_name" {
  description = "Public host name of the site, e.g. habits.example.com."
  type        = string

  validation {
    condition     = can(regex("^([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}$", var.domain_name))
    error_message = "domain_name must be a lower-case DNS name such as habits.example.com."
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
  description = "Tag (git commit SHA) of the API image the Lambda function is first created with."
  type        = string
}

variable "operator_principal_arns" {
  description = "IAM principals allowed to assume the disaster-recovery operator role."
  type        = list(string)
}

variable "nat_gateway_mode" {
  description = "NAT gateways: single or per_az (production survives the loss of an availability zone)."
  type        = string
  default     = "per_az"

  validation {
    condition     = contains(["single", "per_az"], var.nat_gateway_mode)
    error_message = "nat_gateway_mode must be one of: single, per_az."
  }
}

variable "db_min_capacity" {
  description = "Aurora Serverless v2 minimum ACUs."
  type        = number
  default     = 0.5
}

variable "db_max_capacity" {
  description = "Aurora Serverless v2 maximum ACUs (production has headroom above the design's 4)."
  type        = number
  default     = 8
}

variable "db_deletion_protection" {
  description = "Protect the Aurora cluster from deletion."
  type        = bool
  default     = true
}

variable "log_retention_days" {
  description = "Days to keep logs (API, database, flow, edge)."
  type        = number
  default     = 365
}

variable "lambda_memory_mb" {
  description = "Memory of the API function in MB."
  type        = number
  default     = 1024
}

variable "lambda_timeout_seconds" {
  description = "Timeout of the API function in seconds."
  type        = number
  default     = 30
}

variable "lambda_reserved_concurrency" {
  description = "Reserved (maximum) concurrency of the API function; bounds Aurora connections."
  type        = number
  default     = 50
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
  description = "S3 bucket of the Terraform state (as in backend.hcl, in the main region); the terraform pipeline uses it."
  type        = string
}

variable "terraform_lock_table" {
  description = "DynamoDB table locking the Terraform state (as in backend.hcl, in the main region)."
  type        = string
}

# Disaster recovery (docs/RUNBOOK_DR.md): the stack applied in the DR region, pointed at a cluster restored
# from a backup copy outside Terraform. All three null (the default) for the normal path.
variable "restored_cluster_identifier" {
  description = "Identifier of the Aurora cluster restored outside Terraform (e.g. habits-production-dr): the database module then creates the subnet group and security group but no cluster. A full apply also needs restored_cluster_endpoint and restored_cluster_secret_arn; the runbook's step 2 (apply -target'ed to the network, the database module and the ECR repository) sets the identifier alone."
  type        = string
  default     = null

  validation {
    condition     = var.restored_cluster_identifier == null || (can(regex("^[a-z](-?[a-z0-9])*$", var.restored_cluster_identifier)) && length(coalesce(var.restored_cluster_identifier, "-")) <= 63)
    error_message = "restored_cluster_identifier must be an RDS cluster identifier: lower-case letters, digits and single hyphens, starting with a letter, e.g. habits-production-dr."
  }
}

variable "restored_cluster_endpoint" {
  description = "Writer endpoint of the restored cluster (as printed by `ops.dr restore`); becomes the function's DATABASE_HOST. Set together with restored_cluster_secret_arn, only with restored_cluster_identifier."
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
  description = "ARN of the restored cluster's RDS-managed master user secret (as printed by `ops.dr restore`); becomes the function's DATABASE_SECRET_ARN and the only database secret its role can read. Set together with restored_cluster_endpoint, only with restored_cluster_identifier."
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
