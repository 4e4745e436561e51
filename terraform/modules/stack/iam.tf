# The permissions boundary every role of the stack carries, and that the terraform pipeline must put on
# every role it creates or changes: no IAM changes, no passing of the pipeline's own roles. So no role
# the pipeline makes can do more than the pipeline itself without IAM. An administrator creates it (the
# first apply); the pipeline may not change it.
locals {
  pipeline_role_arns = concat(
    [for k in ["terraform", "backend", "frontend"] : "arn:${local.partition}:iam::${local.account_id}:role/${local.global_name}-codebuild-${k}"],
    ["arn:${local.partition}:iam::${local.account_id}:role/${local.global_name}-codepipeline"],
  )
}

resource "aws_iam_policy" "permissions_boundary" {
  #checkov:skip=CKV_AWS_286:A permissions boundary grants nothing; it caps what the stack's roles can be given, and it denies IAM changes.
  #checkov:skip=CKV_AWS_287:A permissions boundary grants nothing; each role's own policy limits credential access.
  #checkov:skip=CKV_AWS_288:A permissions boundary grants nothing; each role's own policy limits data access.
  #checkov:skip=CKV_AWS_289:A permissions boundary grants nothing; it denies every IAM write.
  #checkov:skip=CKV_AWS_290:A permissions boundary grants nothing; each role's own policy limits write access.
  #checkov:skip=CKV_AWS_355:A permissions boundary grants nothing; it must cover every resource the roles may be given.
  name        = "${local.global_name}-permissions-boundary"
  description = "Ceiling of every ${local.name} role the pipeline may create or change: no IAM changes"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "EverythingButIamAndAccountAdministration"
        Effect    = "Allow"
        NotAction = ["iam:*", "organizations:*", "account:*"]
        Resource  = "*"
      },
      {
        Sid      = "ReadIam"
        Effect   = "Allow"
        Action   = ["iam:Get*", "iam:List*"]
        Resource = "*"
      },
      {
        Sid      = "PassThisStacksRoles"
        Effect   = "Allow"
        Action   = ["iam:PassRole"]
        Resource = "arn:${local.partition}:iam::${local.account_id}:role/${local.global_name}-*"
      },
      {
        Sid      = "NeverThePipelinesRoles"
        Effect   = "Deny"
        Action   = ["iam:PassRole"]
        Resource = local.pipeline_role_arns
      },
    ]
  })

  tags = var.tags
}
