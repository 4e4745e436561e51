output "role_arn" {
  description = "ARN of the disaster-recovery operator role (aws sts assume-role / a CLI profile's role_arn)."
  value       = aws_iam_role.this.arn
}

output "role_name" {
  description = "Name of the disaster-recovery operator role."
  value       = aws_iam_role.this.name
}
