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
}

variables {
  name                     = "habits-test"
  global_name              = "habits-test"
  permissions_boundary_arn = "arn:aws:iam::111122223333:policy/habits-test-boundary"
  trusted_principal_arns   = ["arn:aws:iam::111122223333:role/AWSReservedSSO_Operators_0123"]
  dr_region                = "us-west-2"
  dr_vault_arn             = "arn:aws:backup:us-west-2:111122223333:backup-vault:habits-test-dr"
  dr_kms_key_arn           = "arn:aws:kms:us-west-2:111122223333:key/00000000-0000-0000-0000-000000000002"
  backup_role_arn          = "arn:aws:iam::111122223333:role/habits-test-backup"
}

run "operator_assumes_with_mfa_and_restores_only_in_dr_region" {
  command = plan

  assert {
    condition     = jsondecode(aws_iam_role.this.assume_role_policy).Statement[0].Condition.Bool["aws:MultiFactorAuthPresent"] == "true"
    error_message = "Assuming the operator role must require MFA."
  }

  assert {
    condition     = toset(jsondecode(aws_iam_role.this.assume_role_policy).Statement[0].Principal.AWS) == toset(var.trusted_principal_arns)
    error_message = "Only the trusted principals may assume the role."
  }

  assert {
    condition     = alltrue(flatten([for s in jsondecode(aws_iam_role_policy.this.policy).Statement : [for r in flatten([s.Resource]) : r == "*" ? s.Condition.StringEquals["aws:RequestedRegion"] == "us-west-2" : (startswith(r, "arn:aws:iam::") || split(":", r)[3] == "us-west-2")]]))
    error_message = "Every write permission must be limited to the DR region (us-west-2)."
  }

  assert {
    condition     = aws_iam_role.this.permissions_boundary == var.permissions_boundary_arn
    error_message = "The operator role carries the permissions boundary."
  }

  assert {
    condition     = endswith(aws_iam_role_policy_attachment.this.policy_arn, "policy/job-function/ViewOnlyAccess")
    error_message = "Outside the restore the operator may only look (ViewOnlyAccess)."
  }
}

run "refuses_principals_of_another_account" {
  command = plan

  variables {
    trusted_principal_arns = ["arn:aws:iam::444455556666:role/operators"]
  }

  expect_failures = [aws_iam_role.this]
}

run "rejects_non_iam_principal" {
  command = plan

  variables {
    trusted_principal_arns = ["operators"]
  }

  expect_failures = [var.trusted_principal_arns]
}
