# The stack's outputs that the docs and runbooks read with `terraform output -raw <name>`.

output "site_url" {
  description = "HTTPS URL of the site."
  value       = module.stack.site_url
}

output "api_endpoint" {
  description = "Direct invoke URL of the HTTP API (refuses requests without the origin header: CloudFront is the entry point)."
  value       = module.stack.api_endpoint
}

output "ecr_repository_url" {
  description = "ECR repository the backend pipeline pushes the API image to."
  value       = module.stack.ecr_repository_url
}

output "function_name" {
  description = "Name of the API Lambda function."
  value       = module.stack.function_name
}

output "migrate_function_name" {
  description = "Name of the migration Lambda function (the manage event, with the master user)."
  value       = module.stack.migrate_function_name
}

output "site_bucket_name" {
  description = "S3 bucket the frontend pipeline syncs the SPA into."
  value       = module.stack.site_bucket_name
}

output "distribution_id" {
  description = "CloudFront distribution the frontend pipeline invalidates."
  value       = module.stack.distribution_id
}

output "django_secret_key_secret_arn" {
  description = "Secret to fill once with `aws secretsmanager put-secret-value` before the first request."
  value       = module.stack.django_secret_key_secret_arn
}

output "origin_secret_arn" {
  description = "Secret holding the origin header's current and previous values (rotation: docs/DEPLOY.md)."
  value       = module.stack.origin_secret_arn
}

output "database_endpoint" {
  description = "Aurora writer endpoint (the restored cluster's when restored_cluster_identifier is set)."
  value       = module.stack.database_endpoint
}

output "db_subnet_group_name" {
  description = "DB subnet group of the Aurora cluster (the disaster-recovery restore's --subnet-group)."
  value       = module.stack.db_subnet_group_name
}

output "db_parameter_group_name" {
  description = "Cluster parameter group of Aurora (the disaster-recovery restore's --parameter-group)."
  value       = module.stack.db_parameter_group_name
}

output "db_security_group_id" {
  description = "Security group of the Aurora cluster (the disaster-recovery restore's --security-group-ids)."
  value       = module.stack.db_security_group_id
}

output "dr_vault_name" {
  description = "Backup vault in the disaster-recovery region."
  value       = module.stack.dr_vault_name
}

output "dr_operator_role_arn" {
  description = "Role the disaster-recovery runbook assumes."
  value       = module.stack.dr_operator_role_arn
}

output "alarm_topic_arn" {
  description = "SNS topic of the alarms."
  value       = module.stack.alarm_topic_arn
}

output "pipeline_names" {
  description = "The terraform, backend and frontend pipelines."
  value       = module.stack.pipeline_names
}

output "source_connection_arn" {
  description = "GitHub connection to complete once in the console before the pipelines can run."
  value       = module.stack.source_connection_arn
}

output "origin_domain_name" {
  description = "Name CloudFront reaches the API at (failover record: the primary's API, or the standby's)."
  value       = module.stack.origin_domain_name
}

output "failover_switch" {
  description = "The failover switch ops.dr open/close flips, as { alarm_name, region, health_check_id } (primary with a standby)."
  value       = module.stack.failover_switch
}
