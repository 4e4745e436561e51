output "name" {
  description = "Prefix of the environment's resource names, e.g. habits-staging."
  value       = local.name
}

output "site_url" {
  description = "HTTPS URL of the site."
  value       = "https://${var.domain_name}"
}

output "api_endpoint" {
  description = "Direct invoke URL of the HTTP API (refuses requests without the origin header: CloudFront is the entry point)."
  value       = module.backend.api_endpoint
}

output "ecr_repository_url" {
  description = "ECR repository the backend pipeline pushes the API image to."
  value       = module.backend.ecr_repository_url
}

output "function_name" {
  description = "Name of the API Lambda function."
  value       = module.backend.function_name
}

output "migrate_function_name" {
  description = "Name of the migration Lambda function (the manage event, with the master user)."
  value       = module.backend.migrate_function_name
}

output "site_bucket_name" {
  description = "S3 bucket the frontend pipeline syncs the SPA into."
  value       = one(module.frontend[*].bucket_name)
}

output "distribution_id" {
  description = "CloudFront distribution the frontend pipeline invalidates."
  value       = one(module.frontend[*].distribution_id)
}

output "django_secret_key_secret_arn" {
  description = "Secret to fill once with `aws secretsmanager put-secret-value` before the first request."
  value       = module.backend.django_secret_key_secret_arn
}

output "origin_secret_arn" {
  description = "Secret holding the origin header's current and previous values (rotation: docs/DEPLOY.md)."
  value       = module.backend.origin_secret_arn
}

output "database_endpoint" {
  description = "Aurora writer endpoint (the restored cluster's when restored_cluster_identifier is set)."
  value       = module.database.endpoint
}

output "db_subnet_group_name" {
  description = "DB subnet group of the Aurora cluster (the disaster-recovery restore's --subnet-group)."
  value       = module.database.subnet_group_name
}

output "db_parameter_group_name" {
  description = "Cluster parameter group of Aurora (the disaster-recovery restore's --parameter-group)."
  value       = module.database.parameter_group_name
}

output "db_security_group_id" {
  description = "Security group of the Aurora cluster (the disaster-recovery restore's --security-group-ids)."
  value       = module.database.security_group_id
}

output "dr_vault_name" {
  description = "Backup vault in the disaster-recovery region."
  value       = one(module.backup[*].dr_vault_name)
}

output "dr_operator_role_arn" {
  description = "Role the disaster-recovery runbook assumes."
  value       = one(module.iam[*].role_arn)
}

output "alarm_topic_arn" {
  description = "SNS topic of the alarms."
  value       = module.observability.alarm_topic_arn
}

output "pipeline_names" {
  description = "The terraform, backend and frontend pipelines."
  value       = module.pipeline.pipeline_names
}

output "source_connection_arn" {
  description = "GitHub connection to complete once in the console before the pipelines can run."
  value       = module.pipeline.connection_arn
}

output "permissions_boundary_arn" {
  description = "Permissions boundary of every role of the stack (and of every role the pipeline may create)."
  value       = aws_iam_policy.permissions_boundary.arn
}

output "kms_key_arns" {
  description = "The stack's keys: { main, edge (us-east-1, for WAF logs), dr }."
  value       = { main = module.key.arn, edge = local.edge_key_arn, dr = one(module.dr_key[*].arn) }
}

output "terraform_state_key" {
  description = "Key of this environment's state in terraform_state_bucket."
  value       = local.state_key
}

output "deployment" {
  description = "What this stack is: primary, or pilot_light (the standby in the disaster-recovery region)."
  value       = var.deployment
}

output "origin_domain_name" {
  description = "Name CloudFront reaches the API at; Route 53 answers it with the primary's or the standby's API (failover record)."
  value       = local.origin_domain
}

output "failover_switch" {
  description = "The failover switch (primary with a standby): a CloudWatch alarm in the DR region whose health check decides the origin's failover record, as { alarm_name, region, health_check_id }; null otherwise."
  value = local.standby_prepared ? {
    alarm_name      = one(aws_cloudwatch_metric_alarm.failover_switch[*].alarm_name)
    region          = var.dr_region
    health_check_id = one(aws_route53_health_check.failover_switch[*].id)
  } : null
}

output "pipeline_terraform_variables" {
  description = "The input values the terraform pipeline plans with (its TF_VAR_* variables), as the operator's terraform.tfvars gives them."
  value       = local.pipeline_terraform_variables
}
