data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  # The runbook works in the DR region on the day of a failover and in both regions on the way back.
  regions = distinct([var.dr_region, var.primary_region])
  arns    = { for service in ["rds", "lambda", "elasticache", "secretsmanager", "kms", "ecr", "backup"] : service => [for r in local.regions : "arn:${local.partition}:${service}:${r}:${local.account_id}"] }

  # Each statement names what a step of docs/RUNBOOK_DR.md does, and nothing else. The calls of the
  # `ops.dr` commands (as the drill runs them against moto) are checked against this policy by
  # backend/ops/tests/test_operator_permissions.py; the calls AWS services make with the caller's
  # permissions on its behalf (KMS grants, the managed master secret, the image pull) are listed there.
  statements = [
    {
      # Metadata only (no object, secret or table contents), in the two regions of the runbook.
      Sid    = "SeeWhatTheRunbookChecks"
      Effect = "Allow"
      Action = [
        "backup:ListBackupVaults", "backup:ListRecoveryPointsByBackupVault",
        "rds:DescribeDBClusters", "rds:DescribeDBClusterSnapshots", "rds:DescribeDBInstances", "rds:DescribeDBSubnetGroups",
        "ec2:DescribeSecurityGroups", "elasticache:DescribeServerlessCaches",
        "lambda:GetFunction", "lambda:GetFunctionConfiguration", "ecr:DescribeImages", "cloudwatch:DescribeAlarms",
      ]
      Resource  = "*"
      Condition = { StringEquals = { "aws:RequestedRegion" = local.regions } }
    },
    {
      Sid    = "RestoreSnapshotAndCopyClusters"
      Effect = "Allow"
      Action = [
        "rds:RestoreDBClusterFromSnapshot", "rds:CreateDBInstance", "rds:ModifyDBCluster", "rds:AddTagsToResource",
        "rds:CreateDBClusterSnapshot", "rds:CopyDBClusterSnapshot", "rds:DeleteDBInstance", "rds:DeleteDBCluster",
      ]
      Resource = flatten([for a in local.arns.rds : [
        "${a}:cluster:${var.name}*", "${a}:db:${var.name}*", "${a}:cluster-snapshot:*", "${a}:subgrp:${var.name}",
        "${a}:cluster-pg:${var.name}", "${a}:secgrp:*",
      ]])
    },
    {
      # RDS creates the restored cluster's master user secret with the caller's permissions.
      Sid      = "LetRdsCreateTheMasterSecret"
      Effect   = "Allow"
      Action   = ["secretsmanager:CreateSecret", "secretsmanager:TagResource"]
      Resource = [for a in local.arns.secretsmanager : "${a}:secret:rds!cluster-*"]
    },
    {
      Sid      = "CreateAndRemoveTheStandbyCache"
      Effect   = "Allow"
      Action   = ["elasticache:CreateServerlessCache", "elasticache:DeleteServerlessCache"]
      Resource = flatten([for a in local.arns.elasticache : ["${a}:serverlesscache:${var.name}", "${a}:usergroup:${var.name}"]])
    },
    {
      Sid    = "PointFreezeAndMigrateTheFunctions"
      Effect = "Allow"
      Action = [
        "lambda:UpdateFunctionConfiguration", "lambda:UpdateFunctionCode", "lambda:PublishVersion", "lambda:UpdateAlias",
        "lambda:PutFunctionConcurrency", "lambda:DeleteFunctionConcurrency",
      ]
      Resource = flatten([for a in local.arns.lambda : [for f in ["api", "migrate", "reminders"] : ["${a}:function:${var.name}-${f}", "${a}:function:${var.name}-${f}:*"]]])
    },
    {
      Sid      = "RunMigrations"
      Effect   = "Allow"
      Action   = ["lambda:InvokeFunction"]
      Resource = flatten([for a in local.arns.lambda : ["${a}:function:${var.name}-migrate", "${a}:function:${var.name}-migrate:*"]])
    },
    {
      # Lambda checks that the caller may pull the image it is given.
      Sid      = "LetLambdaPullTheImage"
      Effect   = "Allow"
      Action   = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
      Resource = [for a in local.arns.ecr : "${a}:repository/${var.name}-api"]
    },
    {
      # Restores, snapshot copies, the master secret, the cache and image functions use customer managed
      # keys through those services, with the caller's permissions.
      Sid      = "UseKeysThroughTheServices"
      Effect   = "Allow"
      Action   = ["kms:CreateGrant", "kms:DescribeKey", "kms:Decrypt", "kms:GenerateDataKey"]
      Resource = [for a in local.arns.kms : "${a}:key/*"]
      Condition = {
        StringEquals = { "kms:ViaService" = flatten([for r in local.regions : [for s in ["rds", "secretsmanager", "elasticache", "lambda", "scheduler"] : "${s}.${r}.amazonaws.com"]]) }
      }
    },
    {
      # ops.dr cache finds the stack's key by its alias (the cache takes a key ARN).
      Sid       = "FindTheStacksKeyByAlias"
      Effect    = "Allow"
      Action    = ["kms:DescribeKey"]
      Resource  = [for a in local.arns.kms : "${a}:key/*"]
      Condition = { StringEquals = { "kms:RequestAlias" = "alias/${var.name}" } }
    },
    {
      # open/close switch the standby's reminder schedule on and off with the origin (UpdateSchedule
      # replaces the whole definition, the scheduler's role included: hence PassRole, to Scheduler only).
      Sid      = "SwitchTheRemindersWithTheOrigin"
      Effect   = "Allow"
      Action   = ["scheduler:GetSchedule", "scheduler:UpdateSchedule"]
      Resource = [for r in local.regions : "arn:${local.partition}:scheduler:${r}:${local.account_id}:schedule/default/${var.name}-reminders"]
    },
    {
      Sid       = "LetTheScheduleWakeTheSender"
      Effect    = "Allow"
      Action    = ["iam:PassRole"]
      Resource  = ["arn:${local.partition}:iam::${local.account_id}:role/${var.global_name}*-reminders-scheduler"]
      Condition = { StringEquals = { "iam:PassedToService" = "scheduler.amazonaws.com" } }
    },
    {
      Sid      = "FlipTheFailoverSwitch"
      Effect   = "Allow"
      Action   = ["cloudwatch:PutMetricAlarm", "cloudwatch:SetAlarmState"]
      Resource = ["arn:${local.partition}:cloudwatch:${var.dr_region}:${local.account_id}:alarm:${var.failover_switch_name}"]
    },
  ]
}

resource "aws_iam_role" "this" {
  name                 = "${var.global_name}-dr-operator"
  permissions_boundary = var.permissions_boundary_arn
  description          = "Operator of the disaster-recovery runbook: restores, points and switches over in ${var.dr_region}, and back"
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

# Exactly what the runbook's commands call (no managed policy: ViewOnlyAccess would be more than that).
resource "aws_iam_role_policy" "this" {
  name = "run-the-dr-runbook"
  role = aws_iam_role.this.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = local.statements
  })
}
