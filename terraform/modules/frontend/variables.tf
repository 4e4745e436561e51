variable "name" {
  description = "Prefix for every resource name, e.g. habits-staging."
  type        = string
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
  default     = ["/api/*", "/health/", "/admin/*", "/django-static/*"]
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
