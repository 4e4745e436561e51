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
  vpc_id                   = "vpc-0123456789abcdef0"
  subnet_ids               = ["subnet-0000000000000000a", "subnet-0000000000000000b"]
  client_security_group_id = "sg-0000000000000lambda"
  redis_url_parameter_name = "/habits-test/redis-url"
}

run "serverless_redis_7_within_limits" {
  command = plan

  assert {
    condition     = aws_elasticache_serverless_cache.this.engine == "redis" && aws_elasticache_serverless_cache.this.major_engine_version == "7"
    error_message = "The cache must be ElastiCache Serverless Redis 7."
  }

  assert {
    condition     = aws_elasticache_serverless_cache.this.cache_usage_limits[0].data_storage[0].minimum == 1 && aws_elasticache_serverless_cache.this.cache_usage_limits[0].data_storage[0].maximum == 10 && aws_elasticache_serverless_cache.this.cache_usage_limits[0].data_storage[0].unit == "GB"
    error_message = "Data storage must be limited to 1-10 GB."
  }

  assert {
    condition     = aws_ssm_parameter.this.type == "SecureString" && aws_ssm_parameter.this.name == "/habits-test/redis-url"
    error_message = "The Redis URL must be a SecureString parameter with the contract name."
  }
}

run "only_lambda_reaches_redis" {
  command = plan

  assert {
    condition     = aws_vpc_security_group_ingress_rule.this.referenced_security_group_id == "sg-0000000000000lambda" && aws_vpc_security_group_ingress_rule.this.from_port == 6379 && aws_vpc_security_group_ingress_rule.this.to_port == 6379 && aws_vpc_security_group_ingress_rule.this.cidr_ipv4 == null
    error_message = "Redis must be reachable on 6379 from the Lambda security group only."
  }
}

run "redis_url_uses_tls" {
  command = apply

  override_resource {
    target = aws_elasticache_serverless_cache.this
    values = {
      endpoint = [{ address = "habits-test.serverless.use1.cache.amazonaws.com", port = 6379 }]
    }
  }

  assert {
    condition     = aws_ssm_parameter.this.value == "rediss://habits-test.serverless.use1.cache.amazonaws.com:6379/0"
    error_message = "The parameter must hold a rediss:// (TLS) URL built from the cache endpoint."
  }
}

run "rejects_storage_out_of_range" {
  command = plan

  variables {
    data_storage_min_gb = 0
  }

  expect_failures = [var.data_storage_min_gb]
}
