# The API function's role kept its name and state when the migration function got a role of its own.
moved {
  from = aws_iam_role.this
  to   = aws_iam_role.api
}

moved {
  from = aws_iam_role_policy.this
  to   = aws_iam_role_policy.api
}

moved {
  from = aws_iam_role_policy_attachment.vpc_access
  to   = aws_iam_role_policy_attachment.api_vpc_access
}

# The secrets gained a count (a standby reads the primary's replicas instead).
moved {
  from = aws_secretsmanager_secret.this
  to   = aws_secretsmanager_secret.this[0]
}

moved {
  from = aws_secretsmanager_secret.origin
  to   = aws_secretsmanager_secret.origin[0]
}

moved {
  from = aws_secretsmanager_secret_version.origin
  to   = aws_secretsmanager_secret_version.origin[0]
}

# The repository and its policies gained a count (a standby's repository comes from replication).
moved {
  from = aws_ecr_repository.this
  to   = aws_ecr_repository.this[0]
}

moved {
  from = aws_ecr_repository_policy.this
  to   = aws_ecr_repository_policy.this[0]
}

moved {
  from = aws_ecr_lifecycle_policy.this
  to   = aws_ecr_lifecycle_policy.this[0]
}
