mock_provider "aws" {
  mock_data "aws_caller_identity" {
    defaults = {
      account_id = "111122223333"
    }
  }

  mock_data "aws_partition" {
    defaults = {
      partition = "aws"
    }
  }

  mock_resource "aws_backup_vault" {
    defaults = {
      arn = "arn:aws:backup:us-east-1:111122223333:backup-vault:habits-test"
    }
  }

  mock_resource "aws_iam_role" {
    defaults = {
      arn = "arn:aws:iam::111122223333:role/habits-test-backup"
    }
  }
}

mock_provider "aws" {
  alias = "dr"

  mock_resource "aws_backup_vault" {
    defaults = {
      arn = "arn:aws:backup:us-west-2:111122223333:backup-vault:habits-test-dr"
    }
  }
}

variables {
  name                     = "habits-test"
  global_name              = "habits-test"
  resource_arns            = ["arn:aws:rds:us-east-1:111122223333:cluster:habits-test"]
  kms_key_arn              = "arn:aws:kms:us-east-1:111122223333:key/00000000-0000-0000-0000-000000000001"
  dr_kms_key_arn           = "arn:aws:kms:us-west-2:111122223333:key/00000000-0000-0000-0000-000000000002"
  permissions_boundary_arn = "arn:aws:iam::111122223333:policy/habits-test-boundary"
}

run "hourly_and_daily_copied_to_us_west_2" {
  command = apply

  assert {
    condition     = { for r in aws_backup_plan.this.rule : r.rule_name => r.lifecycle[0].delete_after } == { hourly = 7, daily = 90 }
    error_message = "Hourly points must be kept 7 days and daily points 90 days."
  }

  assert {
    condition     = { for r in aws_backup_plan.this.rule : r.rule_name => r.schedule } == { hourly = "cron(0 * ? * * *)", daily = "cron(0 5 ? * * *)" }
    error_message = "The plan must run every hour and every day."
  }

  assert {
    condition     = alltrue([for r in aws_backup_plan.this.rule : one(r.copy_action).destination_vault_arn == aws_backup_vault.dr.arn && split(":", one(r.copy_action).destination_vault_arn)[3] == "us-west-2"])
    error_message = "Every rule must copy its recovery points to the vault in us-west-2."
  }

  assert {
    condition     = { for r in aws_backup_plan.this.rule : r.rule_name => one(r.copy_action).lifecycle[0].delete_after } == { hourly = 7, daily = 90 }
    error_message = "Copies must be kept as long as the originals."
  }

  assert {
    condition     = aws_backup_selection.this.resources == toset(["arn:aws:rds:us-east-1:111122223333:cluster:habits-test"])
    error_message = "The selection must be the Aurora cluster."
  }

  assert {
    condition     = aws_backup_vault.primary.kms_key_arn == var.kms_key_arn && aws_backup_vault.dr.kms_key_arn == var.dr_kms_key_arn
    error_message = "Both vaults must be encrypted with their region's key."
  }

  assert {
    condition     = aws_iam_role.this.permissions_boundary == var.permissions_boundary_arn && jsondecode(aws_iam_role.this.assume_role_policy).Statement[0].Condition.StringEquals["aws:SourceAccount"] == "111122223333"
    error_message = "The backup role carries the boundary and trusts AWS Backup for this account only."
  }
}

run "daily_only_still_copied_to_us_west_2" {
  command = apply

  variables {
    hourly_retention_days = null
    daily_retention_days  = 30
  }

  assert {
    condition     = keys(output.rules) == ["daily"] && output.rules.daily.retention_days == 30 && split(":", output.rules.daily.copied_to)[3] == "us-west-2"
    error_message = "Without hourly points, the daily ones are kept 30 days and still copied to us-west-2."
  }
}

run "rejects_bad_retention" {
  command = plan

  variables {
    hourly_retention_days = 0
    daily_retention_days  = 1
  }

  expect_failures = [var.hourly_retention_days, var.daily_retention_days]
}
