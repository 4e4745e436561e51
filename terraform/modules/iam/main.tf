data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  dr_arn     = "${local.partition}:%s:${var.dr_region}:${local.account_id}"
}

resource "aws_iam_role" "this" {
  name                 = "${var.global_name}-dr-operator"
  permissions_boundary = var.permissions_boundary_arn
  description          = "Operator of the disaster-recovery runbook: restores Aurora from AWS Backup in ${var.dr_region}"
  max_session_duration = var.max_session_hours * 3600
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = var.trusted_principal_arns }
      Action    = "sts:AssumeRole"
      Condition = var.require_mfa ? { Bool = { "aws:MultiFactorAuthPresent" = "true" } } : null
    }]
  })

  tags = var.tags

  lifecycle {
    precondition {
      condition     = alltrue([for a in var.trusted_principal_arns : split(":", a)[4] == local.account_id])
      error_message = "trusted_principal_arns must be principals of this account (one account per environment; no cross-account trust)."
    }
  }
}

# Look at everything (metadata only: no object, secret or table contents).
resource "aws_iam_role_policy_attachment" "this" {
  role       = aws_iam_role.this.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/job-function/ViewOnlyAccess"
}

# Change things only in the DR region, and only what a restore of the database needs.
resource "aws_iam_role_policy" "this" {
  name = "restore-in-dr-region"
  role = aws_iam_role.this.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "ReadDrRecoveryPoints"
        Effect = "Allow"
        Action = [
          "backup:DescribeBackupVault",
          "backup:ListRecoveryPointsByBackupVault",
          "backup:DescribeRecoveryPoint",
          "backup:GetRecoveryPointRestoreMetadata",
        ]
        Resource = [var.dr_vault_arn, "arn:${format(local.dr_arn, "backup")}:recovery-point:*"]
      },
      {
        Sid      = "StartRestoreFromDrVault"
        Effect   = "Allow"
        Action   = ["backup:StartRestoreJob"]
        Resource = ["arn:${format(local.dr_arn, "backup")}:recovery-point:*"]
      },
      {
        Sid      = "FollowRestoreJobs"
        Effect   = "Allow"
        Action   = ["backup:DescribeRestoreJob", "backup:ListRestoreJobs"]
        Resource = "*"
        Condition = {
          StringEquals = { "aws:RequestedRegion" = var.dr_region }
        }
      },
      {
        Sid      = "PassBackupRoleToRestore"
        Effect   = "Allow"
        Action   = ["iam:PassRole"]
        Resource = [var.backup_role_arn]
        Condition = {
          StringEquals = { "iam:PassedToService" = "backup.amazonaws.com" }
        }
      },
      {
        Sid    = "BringUpRestoredClusterInDrRegion"
        Effect = "Allow"
        Action = [
          "rds:CreateDBSubnetGroup",
          "rds:CreateDBInstance",
          "rds:ModifyDBCluster",
          "rds:AddTagsToResource",
          "rds:RestoreDBClusterFromSnapshot",
        ]
        Resource = [
          "arn:${format(local.dr_arn, "rds")}:cluster:*",
          "arn:${format(local.dr_arn, "rds")}:cluster-snapshot:*",
          "arn:${format(local.dr_arn, "rds")}:db:*",
          "arn:${format(local.dr_arn, "rds")}:subgrp:*",
          "arn:${format(local.dr_arn, "rds")}:cluster-pg:*",
          "arn:${format(local.dr_arn, "rds")}:pg:*",
          "arn:${format(local.dr_arn, "rds")}:secgrp:*",
        ]
      },
      {
        Sid      = "UseDrVaultKey"
        Effect   = "Allow"
        Action   = ["kms:Decrypt", "kms:DescribeKey", "kms:CreateGrant", "kms:GenerateDataKey"]
        Resource = [var.dr_kms_key_arn]
        Condition = {
          StringLike = { "kms:ViaService" = ["backup.${var.dr_region}.amazonaws.com", "rds.${var.dr_region}.amazonaws.com"] }
        }
      },
    ]
  })
}
