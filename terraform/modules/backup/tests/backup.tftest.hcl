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

  mock_resource "aws_kms_key" {
    defaults = {
      arn = "arn:aws:kms:us-east-1:111122223333:key/00000000-0000-0000-0000-000000000001"
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

  mock_resource "aws_kms_key" {
    defaults = {
      arn = "arn:aws:kms:us-west-2:111122223333:key/00000000-0000-0000-0000-000000000002"
    }
  }

  mock_resource "aws_backup_vault" {
    defaults = {
      arn = "arn:aws:backup:us-west-2:111122223333:backup-vault:habits-test-dr"
    }
  }
}

variables {
  name          = "habits-test"
  resource_arns = ["arn:aws:rds:us-east-1:111122223333:cluster:habits-test"]
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
    condition     = aws_backup_vault.primary.kms_key_arn == aws_kms_key.primary.arn && aws_backup_vault.dr.kms_key_arn == aws_kms_key.dr.arn
    error_message = "Both vaults must be encrypted with their own KMS key."
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
