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
  name                      = "habits-test"
  function_name             = "habits-test-api"
  migrate_function_name     = "habits-test-migrate"
  kms_key_arn               = "arn:aws:kms:us-east-1:111122223333:key/00000000-0000-0000-0000-000000000001"
  api_id                    = "abc123"
  db_cluster_id             = "habits-test"
  cache_name                = "habits-test"
  cache_ecpu_per_second_max = 5000
  cache_data_storage_max_gb = 10
  alarm_email               = "ops@example.com"
}

run "eight_alarms_notify_the_topic" {
  command = plan

  assert {
    condition     = toset(keys(aws_cloudwatch_metric_alarm.this)) == toset(["api-5xx", "api-latency", "lambda-errors", "lambda-throttles", "aurora-connections", "aurora-cpu", "redis-cpu", "redis-memory"])
    error_message = "The eight designed alarms must exist."
  }

  assert {
    condition     = alltrue([for a in aws_cloudwatch_metric_alarm.this : length(a.alarm_actions) == 1])
    error_message = "Every alarm must notify the SNS topic."
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.this["api-5xx"].metric_name == "5xx" && aws_cloudwatch_metric_alarm.this["api-5xx"].dimensions.ApiId == "abc123"
    error_message = "The API 5xx alarm must watch the HTTP API."
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.this["redis-memory"].threshold == 10 * 1024 * 1024 * 1024 * 0.8
    error_message = "The Redis memory alarm must fire at 80% of the storage limit."
  }

  assert {
    condition     = aws_sns_topic_subscription.this[0].protocol == "email" && aws_sns_topic_subscription.this[0].endpoint == "ops@example.com"
    error_message = "The alarm e-mail must be subscribed to the topic."
  }
}

run "log_groups_encrypted_with_retention" {
  command = plan

  assert {
    condition     = aws_cloudwatch_log_group.lambda.name == "/aws/lambda/habits-test-api" && aws_cloudwatch_log_group.lambda.retention_in_days == 30
    error_message = "The Lambda log group must have the function's name and a retention."
  }

  assert {
    condition     = aws_cloudwatch_log_group.api_access.retention_in_days == 30 && aws_cloudwatch_log_group.migrate.name == "/aws/lambda/habits-test-migrate"
    error_message = "The access and migration log groups must exist with a retention."
  }

  assert {
    condition     = alltrue([for g in [aws_cloudwatch_log_group.lambda, aws_cloudwatch_log_group.migrate, aws_cloudwatch_log_group.api_access] : g.kms_key_id == var.kms_key_arn]) && aws_sns_topic.this.kms_master_key_id == var.kms_key_arn
    error_message = "Logs and the alarm topic are encrypted with the given key."
  }

  assert {
    condition     = output.log_group_names == ["/aws/lambda/habits-test-api", "/aws/lambda/habits-test-migrate", "/aws/apigateway/habits-test-http-api"]
    error_message = "The module reports the log groups its key must allow."
  }
}

run "no_dashboard_when_not_wanted" {
  command = plan

  variables {
    dashboard_enabled = false
  }

  assert {
    condition     = length(aws_cloudwatch_dashboard.this) == 0 && output.dashboard_name == null
    error_message = "Without the dashboard nothing is created."
  }
}

run "no_subscription_without_email" {
  command = plan

  variables {
    alarm_email = null
  }

  assert {
    condition     = length(aws_sns_topic_subscription.this) == 0
    error_message = "Without an address there is no subscription."
  }
}

run "rejects_bad_inputs" {
  command = plan

  variables {
    log_retention_days = 42
    alarm_email        = "not-an-address"
  }

  expect_failures = [var.log_retention_days, var.alarm_email]
}
