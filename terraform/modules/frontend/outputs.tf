output "bucket_name" {
  description = "Name of the private S3 bucket holding the built SPA."
  value       = aws_s3_bucket.site.bucket
}

output "bucket_arn" {
  description = "ARN of the site bucket."
  value       = aws_s3_bucket.site.arn
}

output "waf_log_group_name" {
  description = "Name of the WAF log group in us-east-1 (its key's policy must name it)."
  value       = local.waf_log_group_name
}

output "api_origin_request_policy" {
  description = "Name of the origin request policy of the API behaviours."
  value       = data.aws_cloudfront_origin_request_policy.api.name
}

output "api_origin_header_names" {
  description = "Names of the headers CloudFront adds to requests to the API origin."
  # Names only: the origin block as a whole carries the secret value.
  value = nonsensitive(flatten([for o in aws_cloudfront_distribution.this.origin : [for h in o.custom_header : h.name] if o.origin_id == local.api_origin_id]))
}

output "waf_rules" {
  description = "The web ACL's rules by name, as { priority, rate_limit } (rate_limit null for managed rule groups)."
  value       = { for r in aws_wafv2_web_acl.this.rule : r.name => { priority = r.priority, rate_limit = try(r.statement[0].rate_based_statement[0].limit, null) } }
}

output "distribution_id" {
  description = "ID of the CloudFront distribution (for invalidations)."
  value       = aws_cloudfront_distribution.this.id
}

output "distribution_arn" {
  description = "ARN of the CloudFront distribution."
  value       = aws_cloudfront_distribution.this.arn
}

output "distribution_domain_name" {
  description = "CloudFront domain name of the distribution."
  value       = aws_cloudfront_distribution.this.domain_name
}

output "web_acl_arn" {
  description = "ARN of the WAF web ACL attached to the distribution."
  value       = aws_wafv2_web_acl.this.arn
}

output "certificate_arn" {
  description = "ARN of the validated ACM certificate (us-east-1)."
  value       = aws_acm_certificate_validation.this.certificate_arn
}

output "site_url" {
  description = "HTTPS URL of the site."
  value       = "https://${var.domain_name}"
}

output "site_origins" {
  description = "Where the default behaviour reads the site from, as { target, failover_to } (failover_to: the replica bucket's name, null without one)."
  value = {
    target      = one([for b in aws_cloudfront_distribution.this.default_cache_behavior : b.target_origin_id])
    failover_to = one(aws_s3_bucket.site_replica[*].bucket)
  }
}

output "content_security_policy" {
  description = "The Content-Security-Policy the site is served with (connect-src names the transfers buckets)."
  value       = local.content_security_policy
}
