output "role_arn" {
  description = "ARN of the disaster-recovery operator role (aws sts assume-role / a CLI profile's role_arn)."
  value       = aws_iam_role.this.arn
}

output "role_name" {
  description = "Name of the disaster-recovery operator role."
  value       = aws_iam_role.this.name
}

output "policy" {
  description = "The operator role's only policy (decoded): backend/ops/tests check the runbook's calls against it."
  value       = { Version = "2012-10-17", Statement = local.statements }
}
