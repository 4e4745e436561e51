output "cache_name" {
  description = "Name of the serverless cache (CloudWatch dimension clusterId; the IAM token's resource name)."
  value       = aws_elasticache_serverless_cache.this.name
}

output "cache_arn" {
  description = "ARN of the serverless cache (resource of elasticache:Connect)."
  value       = aws_elasticache_serverless_cache.this.arn
}

output "engine" {
  description = "Engine of the cache."
  value       = aws_elasticache_serverless_cache.this.engine
}

output "endpoint_address" {
  description = "Host name of the cache endpoint (REDIS_HOST)."
  value       = aws_elasticache_serverless_cache.this.endpoint[0].address
}

output "endpoint_port" {
  description = "Port of the cache endpoint (REDIS_PORT)."
  value       = aws_elasticache_serverless_cache.this.endpoint[0].port
}

output "app_user_id" {
  description = "ElastiCache user the application authenticates as with an IAM token (REDIS_IAM_USER); user ID and user name are equal."
  value       = aws_elasticache_user.app.user_id
}

output "app_user_arn" {
  description = "ARN of that user (resource of elasticache:Connect)."
  value       = local.app_user_arn
}

output "data_storage_max_gb" {
  description = "The cache's data storage limit in GB."
  value       = var.data_storage_max_gb
}

output "security_group_id" {
  description = "Security group of the cache."
  value       = aws_security_group.this.id
}
