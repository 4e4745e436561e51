output "cache_name" {
  description = "Name of the serverless cache (CloudWatch dimension clusterId; the IAM token's resource name)."
  value       = var.name
}

output "cache_arn" {
  description = "ARN of the serverless cache (resource of elasticache:Connect)."
  value       = local.cache_arn
}

output "engine" {
  description = "Engine of the cache (of its user group when the cache is not created yet)."
  value       = aws_elasticache_user_group.this.engine
}

output "created" {
  description = "Whether this stack creates the cache (false for a standby, whose cache ops.dr creates on the day)."
  value       = length(aws_elasticache_serverless_cache.this) == 1
}

output "user_group_id" {
  description = "User group of the cache (ops.dr cache creates a standby's cache with it)."
  value       = aws_elasticache_user_group.this.user_group_id
}

output "endpoint_address" {
  description = "Host name of the cache endpoint (REDIS_HOST)."
  value       = one([for c in aws_elasticache_serverless_cache.this : c.endpoint[0].address])
}

output "endpoint_port" {
  description = "Port of the cache endpoint (REDIS_PORT)."
  value       = one([for c in aws_elasticache_serverless_cache.this : c.endpoint[0].port])
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
