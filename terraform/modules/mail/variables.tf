variable "name" {
  description = "Name of the SES configuration set (MAIL_SES_CONFIGURATION_SET), e.g. habits-production."
  type        = string
}

variable "domain_name" {
  description = "The site's domain: mail is sent from it and links in mail point at it."
  type        = string
}

variable "hosted_zone_id" {
  description = "Route 53 hosted zone of domain_name, where the DKIM, MAIL FROM and DMARC records go."
  type        = string
}

variable "mail_from_subdomain" {
  description = "Subdomain of domain_name used as the MAIL FROM domain (its MX and SPF records)."
  type        = string
  default     = "mail"

  validation {
    condition     = can(regex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$", var.mail_from_subdomain))
    error_message = "mail_from_subdomain must be one DNS label (letters, digits, hyphens)."
  }
}

variable "sender_local_part" {
  description = "The part before @ of the address mail is sent from (MAIL_FROM)."
  type        = string
  default     = "no-reply"
}

variable "dmarc_report_address" {
  description = "Address for DMARC aggregate reports (rua), or null for none."
  type        = string
  default     = null
}

variable "dmarc_record" {
  description = "Create the domain's DMARC record (one per domain: the primary's; a standby region's mail module sets false)."
  type        = bool
  default     = true
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
