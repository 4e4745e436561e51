# The standby's image repository. ECR replication creates it in the DR region when the primary pushes
# (a repository made there beforehand would race the first replicated push); this template gives it
# what the primary's has: the DR region's key, immutable tags, Lambda's pull policy for the functions
# of that region, the lifecycle ("Creating a repository creation template in Amazon ECR", ECR User
# Guide). A template that sets a KMS key needs a role ECR assumes to create the repository with it.
resource "aws_ecr_repository_creation_template" "standby" {
  count    = local.standby_prepared ? 1 : 0
  provider = aws.dr

  prefix               = module.backend.ecr_replica_settings.name
  description          = "${local.name}: the standby's copy of the API image repository (ECR replication)"
  applied_for          = ["REPLICATION"]
  image_tag_mutability = "IMMUTABLE"
  custom_role_arn      = aws_iam_role.ecr_template[0].arn
  repository_policy    = module.backend.ecr_replica_settings.pull_policy
  lifecycle_policy     = module.backend.ecr_replica_settings.lifecycle_policy

  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = module.dr_key[0].arn
  }

  resource_tags = var.tags
}

resource "aws_iam_role" "ecr_template" {
  count = local.standby_prepared ? 1 : 0

  name                 = "${local.global_name}-ecr-replica-template"
  description          = "ECR creates ${local.name}'s standby repository with the DR region's key"
  permissions_boundary = aws_iam_policy.permissions_boundary.arn
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecr.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = {
        StringEquals = { "aws:SourceAccount" = local.account_id }
      }
    }]
  })

  tags = var.tags
}

resource "aws_iam_role_policy" "ecr_template" {
  count = local.standby_prepared ? 1 : 0

  name = "create-repository-with-the-dr-key"
  role = aws_iam_role.ecr_template[0].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "UseTheDrKeyForTheReplicaRepository"
      Effect   = "Allow"
      Action   = ["kms:CreateGrant", "kms:DescribeKey", "kms:GenerateDataKey", "kms:Decrypt", "kms:Encrypt"]
      Resource = [module.dr_key[0].arn]
      Condition = {
        StringEquals = { "kms:ViaService" = "ecr.${var.dr_region}.amazonaws.com" }
      }
    }]
  })
}
