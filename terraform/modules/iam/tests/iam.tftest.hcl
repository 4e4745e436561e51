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
  primary_region           = "us-east-1"
  dr_region                = "us-west-2"
  failover_switch_name     = "habits-test-failover"
}

run "operator_assumes_with_mfa_and_acts_only_in_the_two_regions" {
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
    condition     = alltrue(flatten([for s in jsondecode(aws_iam_role_policy.this.policy).Statement : [for r in flatten([s.Resource]) : r == "*" ? toset(s.Condition.StringEquals["aws:RequestedRegion"]) == toset(["us-west-2", "us-east-1"]) : split(":", r)[2] == "iam" ? s.Action == ["iam:PassRole"] : contains(["us-west-2", "us-east-1"], split(":", r)[3])]]))
    error_message = "Every permission is limited to the DR and the primary region (IAM's only: passing a role, below)."
  }

  assert {
    condition     = one([for s in jsondecode(aws_iam_role_policy.this.policy).Statement : s.Resource if s.Sid == "FlipTheFailoverSwitch"]) == ["arn:aws:cloudwatch:us-west-2:111122223333:alarm:habits-test-failover"]
    error_message = "Only the failover switch, in the DR region, can be flipped."
  }

  assert {
    condition = [for s in jsondecode(aws_iam_role_policy.this.policy).Statement : { Resource = s.Resource, Condition = s.Condition } if contains(flatten([s.Action]), "iam:PassRole")] == [{
      Resource  = ["arn:aws:iam::111122223333:role/habits-test*-reminders-scheduler"]
      Condition = { StringEquals = { "iam:PassedToService" = "scheduler.amazonaws.com" } }
    }] && alltrue([for s in jsondecode(aws_iam_role_policy.this.policy).Statement : s.Effect == "Allow" && !contains(flatten([s.Action]), "*")])
    error_message = "The operator passes one role, the reminder schedule's, to EventBridge Scheduler only (ops.dr open/close), and has no wildcard action."
  }

  assert {
    condition     = aws_iam_role.this.permissions_boundary == var.permissions_boundary_arn
    error_message = "The operator role carries the permissions boundary."
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
