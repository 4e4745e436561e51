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
