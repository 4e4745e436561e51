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

  mock_data "aws_region" {
    defaults = {
      name = "us-east-1"
    }
  }
}

variables {
  description = "habits-test"
}

run "only_the_account_by_default" {
  command = plan

  assert {
    condition     = [for s in jsondecode(aws_kms_key.this.policy).Statement : s.Sid] == ["AccountAdministration"]
    error_message = "Without inputs, the key policy delegates to the account's IAM policies only."
  }

  assert {
    condition     = aws_kms_key.this.enable_key_rotation
    error_message = "The key must rotate."
  }
}

run "logs_only_for_the_named_log_groups" {
  command = plan

  variables {
    log_group_names        = ["/aws/lambda/habits-test-api", "/aws/vpc/habits-test/*"]
    alarm_topics           = true
    cloudfront_source_arns = ["arn:aws:cloudfront::111122223333:distribution/*"]
  }

  assert {
    condition = one([for s in jsondecode(aws_kms_key.this.policy).Statement : s.Condition.ArnLike["kms:EncryptionContext:aws:logs:arn"] if s.Sid == "CloudWatchLogsOfTheseLogGroups"]) == [
      "arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/habits-test-api",
      "arn:aws:logs:us-east-1:111122223333:log-group:/aws/vpc/habits-test/*",
    ]
    error_message = "CloudWatch Logs of this region may use the key for the named log groups only."
  }

  assert {
    condition     = one([for s in jsondecode(aws_kms_key.this.policy).Statement : s.Principal.Service if s.Sid == "CloudWatchLogsOfTheseLogGroups"]) == "logs.us-east-1.amazonaws.com"
    error_message = "The logs service principal must be the key's region's."
  }

  assert {
    condition     = one([for s in jsondecode(aws_kms_key.this.policy).Statement : s.Condition.ArnLike["AWS:SourceArn"] if s.Sid == "CloudFrontReadsTheSiteBucket"]) == ["arn:aws:cloudfront::111122223333:distribution/*"] && one([for s in jsondecode(aws_kms_key.this.policy).Statement : s.Action if s.Sid == "CloudFrontReadsTheSiteBucket"]) == ["kms:Decrypt"]
    error_message = "Only this account's distributions may decrypt, and only decrypt."
  }

  assert {
    condition     = one([for s in jsondecode(aws_kms_key.this.policy).Statement : s.Condition.StringEquals["aws:SourceAccount"] if s.Sid == "CloudWatchAlarmsPublishToEncryptedTopics"]) == "111122223333"
    error_message = "Only this account's alarms may publish to topics encrypted with the key."
  }
}
