data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  # Every rule's recovery points are copied to the disaster-recovery vault. Hourly points give a 1-hour
  # recovery point; without them (staging) the daily ones give a day.
  rules = merge(
    var.hourly_retention_days == null ? {} : {
      hourly = { schedule = "cron(0 * ? * * *)", retention = var.hourly_retention_days, start = 60, completion = 120 }
    },
    {
      daily = { schedule = "cron(0 5 ? * * *)", retention = var.daily_retention_days, start = 60, completion = 360 }
    },
  )
}

resource "aws_backup_vault" "primary" {
  name        = var.name
  kms_key_arn = var.kms_key_arn

  tags = var.tags

  lifecycle {
    # A vault's key cannot change (the vault would be replaced, and a vault with recovery points cannot
    # be deleted); a vault created with an earlier key keeps it.
    ignore_changes = [kms_key_arn]
  }
}

resource "aws_backup_vault" "dr" {
  provider = aws.dr

  name        = "${var.name}-dr"
  kms_key_arn = var.dr_kms_key_arn

  tags = var.tags
}

resource "aws_backup_plan" "this" {
  name = var.name

  dynamic "rule" {
    for_each = local.rules

    content {
      rule_name         = rule.key
      target_vault_name = aws_backup_vault.primary.name
      schedule          = rule.value.schedule
      start_window      = rule.value.start
      completion_window = rule.value.completion

      lifecycle {
        delete_after = rule.value.retention
      }

      copy_action {
        destination_vault_arn = aws_backup_vault.dr.arn

        lifecycle {
          delete_after = rule.value.retention
        }
      }
    }
  }

  tags = var.tags
}

resource "aws_iam_role" "this" {
  name                 = "${var.global_name}-backup"
  description          = "AWS Backup takes, copies and restores the ${var.name} recovery points"
  permissions_boundary = var.permissions_boundary_arn
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "backup.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = {
        StringEquals = { "aws:SourceAccount" = data.aws_caller_identity.current.account_id }
      }
    }]
  })

  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "this" {
  for_each = toset(["AWSBackupServiceRolePolicyForBackup", "AWSBackupServiceRolePolicyForRestores"])

  role       = aws_iam_role.this.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/${each.key}"
}

resource "aws_backup_selection" "this" {
  name         = "${var.name}-aurora"
  plan_id      = aws_backup_plan.this.id
  iam_role_arn = aws_iam_role.this.arn
  resources    = var.resource_arns
}
