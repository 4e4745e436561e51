# Checks of these values live in modules/stack (its variables of the same names).

variable "environment" {
  description = "staging or production: set by <environment>/environment.tfvars."
  type        = string
}

variable "deployment" {
  description = "primary, or pilot_light for the standby in the DR region: set by <environment>-dr/environment.tfvars."
  type        = string
  default     = "primary"
}

variable "global_name_suffix" {
  description = "Suffix of the account-wide names; the pilot light's (e.g. -usw2) keeps them apart from the primary's."
  type        = string
  default     = ""
}

variable "standby_global_name_suffix" {
  description = "The pilot light's suffix as the primary knows it (the site's CSP names the standby's transfers bucket); empty: the DR region's short form, e.g. -usw2."
  type        = string
  default     = ""
}

variable "pilot_light_enabled" {
  description = "Primary only: prepare a standby in dr_region (replicas, the failover switch); null for the environment's profile (production yes, staging no). The quarterly drill sets it for staging in a scratch account (docs/RUNBOOK_DR.md)."
  type        = bool
  default     = null
}

variable "project" {
  description = "Project name, the first part of every resource name."
  type        = string
  default     = "habits"
}

variable "account_id" {
  description = "The environment's own AWS account (one account per environment)."
  type        = string
}

variable "region" {
  description = "Main AWS region of the environment."
  type        = string
  default     = "us-east-1"
}

variable "dr_region" {
  description = "The other region of the pair: the DR region for the primary, the primary's region for the pilot light."
  type        = string
  default     = "us-west-2"

  validation {
    condition     = var.dr_region != var.region
    error_message = "dr_region must differ from region."
  }
}

variable "domain_name" {
  description = "Public host name of the site, e.g. staging.habits.example.com."
  type        = string
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
  description = "S3 bucket of the Terraform state (as in <environment>/backend.hcl, in the main region; the pilot light's bucket is in its own region)."
  type        = string
}

variable "restored_cluster_identifier" {
  description = "Disaster recovery: identifier of the Aurora cluster restored outside Terraform (docs/RUNBOOK_DR.md); null normally."
  type        = string
  default     = null
}

variable "restored_cluster_endpoint" {
  description = "Disaster recovery: writer endpoint of the restored cluster; null normally."
  type        = string
  default     = null
}

variable "restored_cluster_secret_arn" {
  description = "Disaster recovery: ARN of the restored cluster's master user secret; null normally."
  type        = string
  default     = null
}
