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
  description = "Public host name of the site, e.g. staging.habits.example.com."
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
  description = "Tag (git commit SHA) of the API image the Lambda function is first created with."
  type        = string
}

variable "operator_principal_arns" {
  description = "IAM principals allowed to assume the disaster-recovery operator role."
  type        = list(string)
}

variable "nat_gateway_mode" {
  description = "NAT gateways: single or per_az."
  type        = string
  default     = "single"

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
  description = "Aurora Serverless v2 maximum ACUs."
  type        = number
  default     = 4
}

variable "db_deletion_protection" {
  description = "Protect the Aurora cluster from deletion."
  type        = bool
  default     = false
}

variable "log_retention_days" {
  description = "Days to keep logs (API, database, flow, edge)."
  type        = number
  default     = 30
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
  default     = 10
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
