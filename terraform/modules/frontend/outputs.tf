output "bucket_name" {
  description = "Name of the private S3 bucket holding the built SPA."
  value       = aws_s3_bucket.site.bucket
}

output "bucket_arn" {
  description = "ARN of the site bucket."
  value       = aws_s3_bucket.site.arn
}

output "kms_key_arn" {
  description = "KMS key encrypting the site bucket (uploads need kms:GenerateDataKey on it)."
  value       = aws_kms_key.this.arn
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
