output "cache_name" {
  description = "Name of the serverless cache (CloudWatch dimension clusterId)."
  value       = aws_elasticache_serverless_cache.this.name
}

output "cache_arn" {
  description = "ARN of the serverless cache."
  value       = aws_elasticache_serverless_cache.this.arn
}

output "endpoint_address" {
  description = "Host name of the cache endpoint."
  value       = aws_elasticache_serverless_cache.this.endpoint[0].address
}

output "redis_url_parameter_name" {
  description = "Name of the SSM SecureString parameter holding the rediss:// URL (REDIS_URL_PARAMETER)."
  value       = aws_ssm_parameter.this.name
}

output "redis_url_parameter_arn" {
  description = "ARN of the SSM parameter holding the Redis URL."
  value       = aws_ssm_parameter.this.arn
}

output "kms_key_arn" {
  description = "KMS key encrypting the cache and the Redis URL parameter."
  value       = aws_kms_key.this.arn
}

output "security_group_id" {
  description = "Security group of the cache."
  value       = aws_security_group.this.id
}
