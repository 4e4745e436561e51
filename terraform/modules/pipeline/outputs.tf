output "connection_arn" {
  description = "ARN of the GitHub source connection (complete its handshake once in the console)."
  value       = aws_codestarconnections_connection.this.arn
}

output "artifact_bucket_name" {
  description = "Name of the encrypted pipeline artifact bucket."
  value       = aws_s3_bucket.this.bucket
}

output "pipeline_names" {
  description = "Names of the terraform, backend and frontend pipelines."
  value       = { for k, p in aws_codepipeline.this : k => p.name }
}

output "codebuild_role_arns" {
  description = "ARNs of the CodeBuild service roles, by build."
  value       = { for k, r in aws_iam_role.codebuild : k => r.arn }
}

output "stage_names" {
  description = "Stage names of each pipeline, in order (shows where the manual approval sits)."
  value       = { for k, p in aws_codepipeline.this : k => [for s in p.stage : s.name] }
}

output "log_group_names" {
  description = "Names of the build log groups (their KMS key's policy must name them)."
  value       = values(local.log_group_names)
}

output "terraform_build_policy" {
  description = "The terraform build's inline policy (decoded), for tests and reviews."
  value       = jsondecode(aws_iam_role_policy.codebuild["terraform"].policy)
}

output "role_boundaries" {
  description = "Permissions boundary of each pipeline role (null for the terraform build, which manages IAM within it)."
  value       = merge({ for k, r in aws_iam_role.codebuild : "codebuild-${k}" => r.permissions_boundary }, { codepipeline = aws_iam_role.codepipeline.permissions_boundary })
}

output "source_connection_statement" {
  description = "The pipelines' permission to use the source connection (both service prefixes)."
  value       = local.source_connection_statement
}

output "role_names" {
  description = "Names of the pipeline's roles (account-wide), by build, plus codepipeline."
  value       = merge({ for k, r in aws_iam_role.codebuild : k => r.name }, { codepipeline = aws_iam_role.codepipeline.name })
}
