locals {
  lambda_trust_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = {
        StringEquals = { "aws:SourceAccount" = local.account_id }
      }
    }]
  })

  decrypt_secrets_statement = {
    Sid      = "DecryptThroughSecretsManager"
    Effect   = "Allow"
    Action   = ["kms:Decrypt"]
    Resource = distinct(concat([var.kms_key_arn], var.decrypt_kms_key_arns, local.replica_kms_key_arns))
    Condition = {
      StringEquals = { "kms:ViaService" = "secretsmanager.${local.region}.amazonaws.com" }
    }
  }

  # Exactly the secrets each function's settings read.
  api_secret_arns = [local.django_secret_arn, local.origin_secret_arn]
  # A standby's cluster is restored on the day, with a master secret RDS names then (rds!cluster-<id>);
  # IAM cannot be changed during an outage of its control plane, so the role names it by that pattern.
  restored_master_secret_pattern = "arn:${local.partition}:secretsmanager:${local.region}:${local.account_id}:secret:rds!cluster-*"
  migrate_secret_arns            = [local.django_secret_arn, var.standby ? local.restored_master_secret_pattern : var.database_secret_arn]

  # rds-db:connect names the cluster by its resource ID; a cluster restored outside Terraform has one
  # Terraform does not know, so any cluster of this account and region, for this user only.
  database_user_arn = "arn:${local.partition}:rds-db:${local.region}:${local.account_id}:dbuser:${coalesce(var.database_cluster_resource_id, "*")}/${var.database_app_user}"

  # An import job: the file the browser uploaded to the transfers bucket, read and deleted by the job,
  # which runs in an asynchronous invocation of this function's live alias. An export: written there
  # and handed out as a presigned GET.
  live_alias_name = "live"
  live_alias_arn  = "arn:${local.partition}:lambda:${local.region}:${local.account_id}:function:${var.function_name}:${local.live_alias_name}"
  # try(): the attributes of a null `transfers` read as "", and slice keeps none of the statements.
  transfer_bucket_arn = try(var.transfers.bucket_arn, "")
  transfer_prefixes   = try(var.transfers.prefixes, [])
  transfer_statements = slice([
    {
      Sid      = "KeepTransferFiles"
      Effect   = "Allow"
      Action   = ["s3:PutObject", "s3:GetObject", "s3:DeleteObject"]
      Resource = [for prefix in local.transfer_prefixes : "${local.transfer_bucket_arn}/${prefix}*"]
    },
    {
      Sid      = "ListTransferFiles"
      Effect   = "Allow"
      Action   = ["s3:ListBucket"]
      Resource = [local.transfer_bucket_arn]
      Condition = {
        StringLike = { "s3:prefix" = [for prefix in local.transfer_prefixes : "${prefix}*"] }
      }
    },
    {
      Sid      = "EncryptTransferFiles"
      Effect   = "Allow"
      Action   = ["kms:GenerateDataKey", "kms:Decrypt"]
      Resource = [var.kms_key_arn]
      Condition = {
        StringEquals = { "kms:ViaService" = "s3.${try(var.transfers.region, "")}.amazonaws.com" }
      }
    },
    {
      Sid      = "RunImportJobs"
      Effect   = "Allow"
      Action   = ["lambda:InvokeFunction"]
      Resource = [local.live_alias_arn]
    },
  ], 0, var.transfers == null ? 0 : 4)

  api_policy = {
    Version = "2012-10-17"
    Statement = concat([
      {
        Sid      = "ReadOwnSecrets"
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
        Resource = local.api_secret_arns
      },
      local.decrypt_secrets_statement,
      {
        Sid      = "ConnectToTheDatabaseAsTheApplicationRole"
        Effect   = "Allow"
        Action   = ["rds-db:connect"]
        Resource = [local.database_user_arn]
      },
      {
        Sid      = "ConnectToTheCacheAsTheApplicationUser"
        Effect   = "Allow"
        Action   = ["elasticache:Connect"]
        Resource = [var.cache_arn, var.cache_user_arn]
      },
      {
        Sid      = "SendMailAsTheSite"
        Effect   = "Allow"
        Action   = ["ses:SendEmail"]
        Resource = [var.mail_identity_arn, var.mail_configuration_set_arn]
        Condition = {
          StringEquals = { "ses:FromAddress" = var.mail_from_address }
        }
      },
      {
        Sid      = "WriteOwnLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = ["${var.log_group_arn}:*"]
      },
    ], local.transfer_statements)
  }

  migrate_policy = {
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ReadOwnSecrets"
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
        Resource = local.migrate_secret_arns
      },
      local.decrypt_secrets_statement,
      {
        Sid      = "WriteOwnLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = ["${var.migrate_log_group_arn}:*"]
      },
    ]
  }
}

resource "aws_iam_role" "api" {
  name                 = "${var.global_name}-api-lambda"
  description          = "Execution role of the ${var.function_name} function"
  permissions_boundary = var.permissions_boundary_arn
  assume_role_policy   = local.lambda_trust_policy

  tags = var.tags
}

# Network interfaces in the VPC.
resource "aws_iam_role_policy_attachment" "api_vpc_access" {
  role       = aws_iam_role.api.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"
}

resource "aws_iam_role_policy" "api" {
  name   = "read-own-configuration"
  role   = aws_iam_role.api.id
  policy = jsonencode(local.api_policy)
}

resource "aws_iam_role" "migrate" {
  name                 = "${var.global_name}-migrate-lambda"
  description          = "Execution role of the ${var.migrate_function_name} function"
  permissions_boundary = var.permissions_boundary_arn
  assume_role_policy   = local.lambda_trust_policy

  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "migrate_vpc_access" {
  role       = aws_iam_role.migrate.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"
}

resource "aws_iam_role_policy" "migrate" {
  name   = "read-own-configuration"
  role   = aws_iam_role.migrate.id
  policy = jsonencode(local.migrate_policy)
}
