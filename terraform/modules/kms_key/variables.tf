variable "description" {
  description = "What the key encrypts, shown in the KMS console."
  type        = string
}

variable "log_group_names" {
  description = "CloudWatch log groups (names, in this key's region; `*` wildcards allowed) that may encrypt with the key; none when empty."
  type        = list(string)
  default     = []
}

variable "alarm_topics" {
  description = "Let CloudWatch alarms of this account publish to SNS topics encrypted with the key."
  type        = bool
  default     = false
}

variable "cloudfront_source_arns" {
  description = "CloudFront distributions (ARNs or ARN patterns) that may decrypt objects encrypted with the key (an S3 origin behind origin access control); none when empty."
  type        = list(string)
  default     = []
}

variable "tags" {
  description = "Tags added to the key."
  type        = map(string)
  default     = {}
}

variable "alias_name" {
  description = "Alias of the key without the alias/ prefix (lets operators' tools find it by name, e.g. in a disaster); null for none."
  type        = string
  default     = null
}
