output "cluster_id" {
  description = "Identifier of the Aurora cluster (CloudWatch dimension DBClusterIdentifier)."
  value       = aws_rds_cluster.this.id
}

output "cluster_arn" {
  description = "ARN of the Aurora cluster (the AWS Backup selection uses it)."
  value       = aws_rds_cluster.this.arn
}

output "endpoint" {
  description = "Writer endpoint host name (DATABASE_HOST)."
  value       = aws_rds_cluster.this.endpoint
}

output "reader_endpoint" {
  description = "Reader endpoint host name."
  value       = aws_rds_cluster.this.reader_endpoint
}

output "port" {
  description = "PostgreSQL port."
  value       = aws_rds_cluster.this.port
}

output "database_name" {
  description = "Name of the application database (DATABASE_NAME)."
  value       = aws_rds_cluster.this.database_name
}

output "master_user_secret_arn" {
  description = "ARN of the RDS-managed Secrets Manager secret with the master user name and password (DATABASE_SECRET_ARN)."
  value       = aws_rds_cluster.this.master_user_secret[0].secret_arn
}

output "kms_key_arn" {
  description = "KMS key encrypting the cluster and its master user secret."
  value       = aws_kms_key.this.arn
}

output "security_group_id" {
  description = "Security group of the cluster."
  value       = aws_security_group.this.id
}

output "capacity_range" {
  description = "Serverless v2 capacity range in ACUs, as { min, max }."
  value = {
    min = aws_rds_cluster.this.serverlessv2_scaling_configuration[0].min_capacity
    max = aws_rds_cluster.this.serverlessv2_scaling_configuration[0].max_capacity
  }
}

output "deletion_protection" {
  description = "Whether the cluster refuses deletion."
  value       = aws_rds_cluster.this.deletion_protection
}
