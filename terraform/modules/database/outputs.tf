output "cluster_id" {
  description = "Identifier of the Aurora cluster (CloudWatch dimension DBClusterIdentifier): the restored one when restored_cluster_identifier is set."
  value       = local.restored ? var.restored_cluster_identifier : one(aws_rds_cluster.this[*].id)
}

output "cluster_arn" {
  description = "ARN of the Aurora cluster (the AWS Backup selection uses it); for a restored cluster, built from its identifier and the current partition, region and account."
  value       = local.restored ? local.restored_arn : one(aws_rds_cluster.this[*].arn)
}

output "endpoint" {
  description = "Writer endpoint host name (DATABASE_HOST): restored_cluster_endpoint when restored."
  value       = local.restored ? var.restored_cluster_endpoint : one(aws_rds_cluster.this[*].endpoint)
}

output "reader_endpoint" {
  description = "Reader endpoint host name; null for a restored cluster (the runbook restores a writer only)."
  value       = local.restored ? null : one(aws_rds_cluster.this[*].reader_endpoint)
}

output "port" {
  description = "PostgreSQL port."
  value       = local.restored ? 5432 : one(aws_rds_cluster.this[*].port)
}

output "database_name" {
  description = "Name of the application database (DATABASE_NAME); a restored cluster keeps the copy's database of that name."
  value       = local.restored ? var.database_name : one(aws_rds_cluster.this[*].database_name)
}

output "master_user_secret_arn" {
  description = "ARN of the RDS-managed Secrets Manager secret with the master user name and password (DATABASE_SECRET_ARN): restored_cluster_secret_arn when restored."
  value       = local.restored ? var.restored_cluster_secret_arn : one(flatten(aws_rds_cluster.this[*].master_user_secret)).secret_arn
}

output "cluster_resource_id" {
  description = "Resource ID of the cluster (cluster-...), the part of rds-db:connect ARNs that names it; null for a restored cluster (unknown to Terraform)."
  value       = one(aws_rds_cluster.this[*].cluster_resource_id)
}

output "log_group_name" {
  description = "Name of the PostgreSQL log group (its KMS key must let CloudWatch Logs use it)."
  value       = local.log_group_name
}

output "auto_pause" {
  description = "Whether the instances pause at 0 ACUs, and after how many idle seconds, as { enabled, seconds }."
  value = local.restored ? null : {
    enabled = local.cluster_scaling.min_capacity == 0
    seconds = local.cluster_scaling.seconds_until_auto_pause
  }
}

output "instance_count" {
  description = "Number of instances (writer, and reader when 2) this module manages."
  value       = length(aws_rds_cluster_instance.this)
}

output "security_group_id" {
  description = "Security group of the cluster (give it to the restore as --security-group-ids)."
  value       = aws_security_group.this.id
}

output "subnet_group_name" {
  description = "DB subnet group of the cluster (give it to the restore as --subnet-group)."
  value       = aws_db_subnet_group.this.name
}

output "restored" {
  description = "Whether the module points at a cluster restored outside Terraform instead of managing one."
  value       = local.restored
}

output "capacity_range" {
  description = "Serverless v2 capacity range in ACUs, as { min, max }; null for a restored cluster (set by the restore)."
  value = local.restored ? null : {
    min = local.cluster_scaling.min_capacity
    max = local.cluster_scaling.max_capacity
  }
}

output "deletion_protection" {
  description = "Whether the cluster refuses deletion (a restored cluster is created with deletion protection by ops.dr restore)."
  value       = local.restored ? true : one(aws_rds_cluster.this[*].deletion_protection)
}

output "managed_cluster_count" {
  description = "Number of Aurora clusters this module manages: 1 normally, 0 when pointed at a restored cluster."
  value       = length(aws_rds_cluster.this)
}

output "parameter_group_name" {
  description = "Cluster parameter group (TLS required); give it to the restore as --parameter-group."
  value       = aws_rds_cluster_parameter_group.this.name
}

output "iam_database_authentication" {
  description = "Whether the cluster accepts IAM authentication tokens (the application's role connects with one)."
  value       = local.restored ? null : one(aws_rds_cluster.this[*].iam_database_authentication_enabled)
}

output "cluster_parameters" {
  description = "The cluster parameter group's parameters, name => value."
  value       = { for p in aws_rds_cluster_parameter_group.this.parameter : p.name => p.value }
}
