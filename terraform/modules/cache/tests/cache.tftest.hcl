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
  name                     = "habits-test"
  vpc_id                   = "vpc-0123456789abcdef0"
  subnet_ids               = ["subnet-0000000000000000a", "subnet-0000000000000000b"]
  client_security_group_id = "sg-0000000000000lambda"
  kms_key_arn              = "arn:aws:kms:us-east-1:111122223333:key/00000000-0000-0000-0000-000000000001"
}

run "serverless_valkey_within_limits" {
  command = plan

  assert {
    condition     = aws_elasticache_serverless_cache.this[0].engine == "valkey" && aws_elasticache_serverless_cache.this[0].major_engine_version == "8"
    error_message = "The cache must be ElastiCache Serverless Valkey 8 (metered from 100 MB, not Redis OSS's 1 GB)."
  }

  assert {
    condition     = aws_elasticache_serverless_cache.this[0].cache_usage_limits[0].data_storage[0].minimum == null && aws_elasticache_serverless_cache.this[0].cache_usage_limits[0].data_storage[0].maximum == 1 && aws_elasticache_serverless_cache.this[0].cache_usage_limits[0].data_storage[0].unit == "GB"
    error_message = "No reserved minimum (the engine's floor applies) and at most 1 GB by default."
  }

  assert {
    condition     = aws_elasticache_serverless_cache.this[0].kms_key_id == var.kms_key_arn
    error_message = "The cache must be encrypted with the given key."
  }
}

run "the_application_signs_in_with_iam_only" {
  command = plan

  assert {
    condition     = aws_elasticache_user.app.authentication_mode[0].type == "iam" && aws_elasticache_user.app.user_name == aws_elasticache_user.app.user_id && aws_elasticache_user.app.engine == "valkey"
    error_message = "The application's user authenticates with IAM (user name equal to user ID)."
  }

  assert {
    condition     = aws_elasticache_user.default.user_name == "default" && startswith(aws_elasticache_user.default.access_string, "off ")
    error_message = "The default user of the group is switched off."
  }

  assert {
    condition     = aws_elasticache_serverless_cache.this[0].user_group_id == aws_elasticache_user_group.this.user_group_id && toset(aws_elasticache_user_group.this.user_ids) == toset(["habits-test-default", "habits-test-app"])
    error_message = "The cache accepts the users of its group only."
  }

  assert {
    condition     = output.app_user_arn == "arn:aws:elasticache:us-east-1:111122223333:user:habits-test-app"
    error_message = "The user's ARN is what elasticache:Connect names."
  }
}

run "only_lambda_reaches_the_cache" {
  command = plan

  assert {
    condition     = aws_vpc_security_group_ingress_rule.this.referenced_security_group_id == "sg-0000000000000lambda" && aws_vpc_security_group_ingress_rule.this.from_port == 6379 && aws_vpc_security_group_ingress_rule.this.to_port == 6380 && aws_vpc_security_group_ingress_rule.this.cidr_ipv4 == null
    error_message = "The cache must be reachable on 6379-6380 from the Lambda security group only."
  }
}

run "rejects_bad_inputs" {
  command = plan

  variables {
    data_storage_max_gb  = 0
    major_engine_version = "6"
  }

  expect_failures = [var.data_storage_max_gb, var.major_engine_version]
}

run "a_standby_gets_the_cache_on_the_day" {
  command = plan

  variables {
    cache_enabled = false
  }

  assert {
    condition     = !output.created && output.user_group_id == "habits-test" && output.endpoint_address == null
    error_message = "A standby has the cache's security group, users and user group, not the cache (billed hourly)."
  }

  assert {
    condition     = output.cache_arn == "arn:aws:elasticache:us-east-1:111122223333:serverlesscache:habits-test"
    error_message = "The cache's ARN is known in advance, for the functions' elasticache:Connect."
  }
}
