data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.name

  # CloudWatch Logs may use the key only for the log groups named here (encryption context of each call).
  log_group_arns = [for n in var.log_group_names : "arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:${n}"]

  statements = concat(
    [{
      Sid       = "AccountAdministration"
      Effect    = "Allow"
      Principal = { AWS = "arn:${local.partition}:iam::${local.account_id}:root" }
      Action    = "kms:*"
      Resource  = "*"
    }],
    length(var.log_group_names) == 0 ? [] : [{
      Sid       = "CloudWatchLogsOfTheseLogGroups"
      Effect    = "Allow"
      Principal = { Service = "logs.${local.region}.amazonaws.com" }
      Action    = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]
      Resource  = "*"
      Condition = {
        ArnLike = { "kms:EncryptionContext:aws:logs:arn" = local.log_group_arns }
      }
    }],
    var.alarm_topics ? [{
      Sid       = "CloudWatchAlarmsPublishToEncryptedTopics"
      Effect    = "Allow"
      Principal = { Service = "cloudwatch.amazonaws.com" }
      Action    = ["kms:Decrypt", "kms:GenerateDataKey*"]
      Resource  = "*"
      Condition = {
        StringEquals = { "aws:SourceAccount" = local.account_id }
      }
    }] : [],
    length(var.cloudfront_source_arns) == 0 ? [] : [{
      Sid       = "CloudFrontReadsTheSiteBucket"
      Effect    = "Allow"
      Principal = { Service = "cloudfront.amazonaws.com" }
      Action    = ["kms:Decrypt"]
      Resource  = "*"
      Condition = {
        ArnLike = { "AWS:SourceArn" = var.cloudfront_source_arns }
      }
    }],
  )
}

resource "aws_kms_key" "this" {
  description             = var.description
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = local.statements
  })

  tags = var.tags
}

resource "aws_kms_alias" "this" {
  count = var.alias_name == null ? 0 : 1

  name          = "alias/${var.alias_name}"
  target_key_id = aws_kms_key.this.key_id
}
