variable "name" {
  description = "Prefix for every regional resource name, e.g. habits-staging."
  type        = string
}

variable "global_name" {
  description = "Prefix for account-wide names (the flow logs IAM role); differs from name only for a stack in a second region."
  type        = string
}

variable "availability_zone_ids" {
  description = "The two availability zone IDs (not names: names map to different zones in each account) the subnets span, e.g. [\"use1-az1\", \"use1-az2\"]."
  type        = list(string)

  validation {
    condition     = length(var.availability_zone_ids) == 2 && alltrue([for z in var.availability_zone_ids : can(regex("^[a-z]{2,5}[0-9]-az[0-9]+$", z))])
    error_message = "availability_zone_ids must list exactly two zone IDs such as use1-az1."
  }
}

variable "vpc_cidr" {
  description = "IPv4 CIDR block of the VPC."
  type        = string
  default     = "10.20.0.0/16"

  validation {
    condition     = can(cidrnetmask(var.vpc_cidr))
    error_message = "vpc_cidr must be an IPv4 CIDR block such as 10.20.0.0/16."
  }
}

variable "private_subnet_cidrs" {
  description = "IPv4 CIDR blocks of the private subnets, one per availability zone (Lambda, Aurora, the cache)."
  type        = list(string)
  default     = ["10.20.16.0/24", "10.20.17.0/24"]

  validation {
    condition     = length(var.private_subnet_cidrs) == 2
    error_message = "private_subnet_cidrs must list exactly two CIDR blocks, one per availability zone."
  }
}

variable "kms_key_arn" {
  description = "KMS key encrypting the flow logs (its policy must name the flow log group, see output flow_log_group_name)."
  type        = string
}

variable "permissions_boundary_arn" {
  description = "Permissions boundary of the IAM role this module creates."
  type        = string
}

variable "flow_log_retention_days" {
  description = "Days to keep VPC flow logs in CloudWatch Logs."
  type        = number
  default     = 30
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
