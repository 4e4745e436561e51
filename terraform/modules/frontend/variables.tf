variable "name" {
  description = "Prefix for names of this environment, e.g. habits-staging (metrics, descriptions)."
  type        = string
}

variable "global_name" {
  description = "Prefix for account-wide names (S3 buckets, CloudFront policies and function, the WAF web ACL); differs from name only for a stack in a second region."
  type        = string
}

variable "kms_key_arn" {
  description = "KMS key encrypting the site bucket; its policy must let this distribution decrypt (output distribution_arn)."
  type        = string
}

variable "waf_log_kms_key_arn" {
  description = "KMS key in us-east-1 encrypting the WAF log group; its policy must name that log group (output waf_log_group_name)."
  type        = string
}

variable "origin_verify_header" {
  description = "Header CloudFront adds to every API request, as { name, value }: the origin secret the application checks."
  type = object({
    name  = string
    value = string
  })
  sensitive = true
}

variable "waf_auth_rate_limit" {
  description = "POST requests to /api/auth/ (sign-in, registration, ...) per IP address in any 5-minute window above which WAF blocks that address."
  type        = number
  default     = 50

  validation {
    condition     = var.waf_auth_rate_limit >= 10 && var.waf_auth_rate_limit <= 2000000000
    error_message = "waf_auth_rate_limit must be between 10 and 2000000000."
  }
}

variable "domain_name" {
  description = "Public host name of the site, e.g. habits.example.com."
  type        = string
}

variable "hosted_zone_id" {
  description = "Route53 public hosted zone that holds domain_name (alias and certificate validation records)."
  type        = string
}

variable "api_domain_name" {
  description = "Host name of the API Gateway HTTP API (origin of the API paths)."
  type        = string
}

variable "api_path_patterns" {
  description = "Path patterns CloudFront sends to API Gateway, uncached and without the viewer's Host header."
  type        = list(string)
  default     = ["/api/*", "/health/", "/health/deep/", "/admin/*", "/django-static/*"]
}

variable "price_class" {
  description = "CloudFront price class: PriceClass_100, PriceClass_200 or PriceClass_All."
  type        = string
  default     = "PriceClass_100"

  validation {
    condition     = contains(["PriceClass_100", "PriceClass_200", "PriceClass_All"], var.price_class)
    error_message = "price_class must be one of: PriceClass_100, PriceClass_200, PriceClass_All."
  }
}

variable "waf_rate_limit" {
  description = "Requests per IP address in any 5-minute window above which WAF blocks that address."
  type        = number
  default     = 1000

  validation {
    condition     = var.waf_rate_limit >= 10 && var.waf_rate_limit <= 2000000000
    error_message = "waf_rate_limit must be between 10 and 2000000000."
  }
}

variable "content_security_policy" {
  description = "Content-Security-Policy header sent with every response."
  type        = string
  default     = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'"
}

variable "connect_sources" {
  description = "Origins the SPA may call besides its own (added to the policy's connect-src), such as the import files' bucket."
  type        = list(string)
  default     = []
}

variable "log_retention_days" {
  description = "Days to keep CloudFront, S3 access and WAF logs."
  type        = number
  default     = 30
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}

variable "site_replica_enabled" {
  description = "Replicate the site bucket to the aws.dr provider's region and serve it from there when the site bucket's region fails (a CloudFront origin group)."
  type        = bool
  default     = false
}

variable "replica_kms_key_arn" {
  description = "KMS key in the aws.dr region encrypting the site's replica (its policy must let this distribution decrypt); required with site_replica_enabled."
  type        = string
  default     = null
}

variable "permissions_boundary_arn" {
  description = "Permissions boundary of the replication role; required with site_replica_enabled."
  type        = string
  default     = null
}
