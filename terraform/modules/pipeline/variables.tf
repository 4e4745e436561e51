variable "name" {
  description = "Prefix for every regional resource name, e.g. habits-staging."
  type        = string
}

variable "global_name" {
  description = "Prefix for account-wide names (IAM roles, the artifact bucket); differs from name only for a stack in a second region."
  type        = string
}

variable "kms_key_arn" {
  description = "KMS key encrypting the artifacts and build logs; its policy must name the build log groups (output log_group_names)."
  type        = string
}

variable "permissions_boundary_arn" {
  description = "Permissions boundary every role the terraform build creates or changes must carry (and that the other pipeline roles carry)."
  type        = string
}

variable "passable_to_services" {
  description = "Services the terraform build may pass this environment's roles to."
  type        = list(string)
  default     = ["lambda.amazonaws.com", "monitoring.rds.amazonaws.com", "vpc-flow-logs.amazonaws.com", "backup.amazonaws.com", "codebuild.amazonaws.com", "codepipeline.amazonaws.com", "s3.amazonaws.com", "ecr.amazonaws.com"]
}

variable "environment" {
  description = "Environment the pipelines deploy: staging or production."
  type        = string

  validation {
    condition     = contains(["staging", "production"], var.environment)
    error_message = "environment must be one of: staging, production."
  }
}

variable "require_manual_approval" {
  description = "Stop every pipeline at a manual approval before it changes the environment (production)."
  type        = bool
  default     = false
}

variable "approval_topic_arn" {
  description = "SNS topic told about pending approvals; null for none."
  type        = string
  default     = null
}

variable "repository_id" {
  description = "GitHub repository the pipelines build, as owner/name."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.repository_id))
    error_message = "repository_id must look like owner/name."
  }
}

variable "branch" {
  description = "Branch whose pushes start the pipelines."
  type        = string
  default     = "main"
}

variable "terraform_state_bucket" {
  description = "S3 bucket holding the Terraform state, in the pipelines' region (TF_STATE_BUCKET of the terraform build); locking uses S3's lock file beside the state."
  type        = string
}

variable "terraform_state_key" {
  description = "Key of this environment's state in that bucket (TF_STATE_KEY)."
  type        = string
}

variable "terraform_variables" {
  description = "Values of the environment's input variables, given to the terraform build as TF_VAR_<name> (lists and maps as HCL/JSON text)."
  type        = map(string)
  default     = {}
}

variable "ecr_repository_arn" {
  description = "ARN of the API image repository: the backend build pushes to it and to nothing else."
  type        = string
}

variable "ecr_repository_url" {
  description = "URL of the API image repository (docker push target)."
  type        = string
}

variable "ecr_kms_key_arn" {
  description = "KMS key encrypting the API image repository."
  type        = string
}

variable "function_name" {
  description = "Name of the API Lambda function the backend build updates."
  type        = string
}

variable "function_arn" {
  description = "ARN (unqualified) of the API Lambda function."
  type        = string
}

variable "migrate_function_name" {
  description = "Name of the migration Lambda function the backend build updates and invokes before moving the API's alias."
  type        = string
}

variable "migrate_function_arn" {
  description = "ARN (unqualified) of the migration Lambda function."
  type        = string
}

variable "site_bucket_arn" {
  description = "ARN of the site bucket the frontend build syncs into."
  type        = string
}

variable "site_bucket_name" {
  description = "Name of the site bucket."
  type        = string
}

variable "site_kms_key_arn" {
  description = "KMS key encrypting the site bucket."
  type        = string
}

variable "distribution_arn" {
  description = "ARN of the CloudFront distribution the frontend build invalidates."
  type        = string
}

variable "distribution_id" {
  description = "ID of the CloudFront distribution."
  type        = string
}

variable "site_url" {
  description = "Public HTTPS URL of the site (the backend build smoke-tests /health/ through it)."
  type        = string
}

variable "build_compute_type" {
  description = "CodeBuild compute type: BUILD_GENERAL1_SMALL, BUILD_GENERAL1_MEDIUM or BUILD_GENERAL1_LARGE."
  type        = string
  default     = "BUILD_GENERAL1_SMALL"

  validation {
    condition     = contains(["BUILD_GENERAL1_SMALL", "BUILD_GENERAL1_MEDIUM", "BUILD_GENERAL1_LARGE"], var.build_compute_type)
    error_message = "build_compute_type must be one of: BUILD_GENERAL1_SMALL, BUILD_GENERAL1_MEDIUM, BUILD_GENERAL1_LARGE."
  }
}

variable "log_retention_days" {
  description = "Days to keep build logs."
  type        = number
  default     = 30
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}

variable "pipelines" {
  description = "Which pipelines to create: terraform, backend, frontend. A standby has the terraform pipeline only (its images come by ECR replication, its site is the primary's)."
  type        = list(string)
  default     = ["terraform", "backend", "frontend"]

  validation {
    condition     = length(var.pipelines) > 0 && alltrue([for p in var.pipelines : contains(["terraform", "backend", "frontend"], p)])
    error_message = "pipelines must list one or more of: terraform, backend, frontend."
  }
}

variable "environment_directory" {
  description = "Directory of terraform/environments whose environment.tfvars the terraform build plans with (its ENVIRONMENT); null for environment itself (production-dr for production's standby)."
  type        = string
  default     = null
}
