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

  mock_resource "aws_secretsmanager_secret" {
    defaults = {
      arn = "arn:aws:secretsmanager:us-east-1:111122223333:secret:habits-test/django-secret-key-AbCdEf"
    }
  }

  mock_resource "aws_kms_key" {
    defaults = {
      arn = "arn:aws:kms:us-east-1:111122223333:key/00000000-0000-0000-0000-00000000back"
    }
  }

  mock_resource "aws_iam_role" {
    defaults = {
      arn = "arn:aws:iam::111122223333:role/habits-test-api-lambda"
    }
  }

  mock_resource "aws_lambda_function" {
    defaults = {
      arn     = "arn:aws:lambda:us-east-1:111122223333:function:habits-test-api"
      version = "1"
    }
  }

  mock_resource "aws_lambda_alias" {
    defaults = {
      arn        = "arn:aws:lambda:us-east-1:111122223333:function:habits-test-api:live"
      invoke_arn = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:111122223333:function:habits-test-api:live/invocations"
    }
  }

  mock_resource "aws_cloudwatch_event_rule" {
    defaults = {
      arn = "arn:aws:events:us-east-1:111122223333:rule/habits-test-api-warmup"
    }
  }

  mock_resource "aws_apigatewayv2_api" {
    defaults = {
      api_endpoint  = "https://abc123.execute-api.us-east-1.amazonaws.com"
      execution_arn = "arn:aws:execute-api:us-east-1:111122223333:abc123"
    }
  }
}

variables {
  name                     = "habits-test"
  function_name            = "habits-test-api"
  image_tag                = "0123abc"
  subnet_ids               = ["subnet-0000000000000000a", "subnet-0000000000000000b"]
  security_group_ids       = ["sg-0000000000000lambda"]
  log_group_name           = "/aws/lambda/habits-test-api"
  log_group_arn            = "arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/habits-test-api"
  api_access_log_group_arn = "arn:aws:logs:us-east-1:111122223333:log-group:/aws/apigateway/habits-test-http-api"
  site_domain              = "habits.example.com"
  database_secret_arn      = "arn:aws:secretsmanager:us-east-1:111122223333:secret:rds!cluster-1234-XyZ"
  database_host            = "habits-test.cluster-abc.us-east-1.rds.amazonaws.com"
  database_name            = "habits"
  redis_url_parameter_name = "/habits-test/redis-url"
  redis_url_parameter_arn  = "arn:aws:ssm:us-east-1:111122223333:parameter/habits-test/redis-url"
  decrypt_kms_key_arns     = ["arn:aws:kms:us-east-1:111122223333:key/00000000-0000-0000-0000-0000000000db", "arn:aws:kms:us-east-1:111122223333:key/00000000-0000-0000-0000-000000000c4e"]
}

run "lambda_runs_the_image_in_private_subnets" {
  command = apply

  assert {
    condition     = aws_lambda_function.this.package_type == "Image" && endswith(aws_lambda_function.this.image_uri, ":0123abc")
    error_message = "The function must run the container image with the given tag."
  }

  assert {
    condition     = aws_lambda_function.this.vpc_config[0].subnet_ids == toset(var.subnet_ids) && aws_lambda_function.this.vpc_config[0].security_group_ids == toset(["sg-0000000000000lambda"])
    error_message = "The function must run in the private subnets with the Lambda security group."
  }

  assert {
    condition     = aws_lambda_function.this.reserved_concurrent_executions == 20 && aws_lambda_function.this.memory_size == 1024 && aws_lambda_function.this.timeout == 30
    error_message = "Reserved concurrency, memory and timeout must come from the variables."
  }

  assert {
    condition     = length(aws_lambda_provisioned_concurrency_config.this) == 0
    error_message = "Provisioned concurrency is off by default."
  }
}

run "environment_matches_the_contract" {
  command = apply

  assert {
    condition = keys(aws_lambda_function.this.environment[0].variables) == sort([
      "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOWED_HOSTS", "DJANGO_CSRF_TRUSTED_ORIGINS", "DJANGO_SECRET_KEY_SECRET_ARN",
      "DATABASE_SECRET_ARN", "DATABASE_HOST", "DATABASE_PORT", "DATABASE_NAME", "REDIS_URL_PARAMETER", "API_BASE_PATH", "LOG_LEVEL",
      "TRUSTED_PROXY_COUNT",
    ])
    error_message = "The function must get exactly the environment variables of docs/CONTRACT_NOTES.md."
  }

  assert {
    condition     = aws_lambda_function.this.environment[0].variables.DJANGO_SETTINGS_MODULE == "config.settings.production"
    error_message = "Production settings must be used."
  }

  assert {
    condition     = aws_lambda_function.this.environment[0].variables.DJANGO_ALLOWED_HOSTS == "abc123.execute-api.us-east-1.amazonaws.com,habits.example.com"
    error_message = "Allowed hosts must be the API Gateway host (CloudFront does not forward the viewer's Host) and the site."
  }

  assert {
    condition     = aws_lambda_function.this.environment[0].variables.DJANGO_CSRF_TRUSTED_ORIGINS == "https://habits.example.com"
    error_message = "The site's HTTPS origin must be trusted for CSRF."
  }

  assert {
    condition     = aws_lambda_function.this.environment[0].variables.REDIS_URL_PARAMETER == "/habits-test/redis-url" && aws_lambda_function.this.environment[0].variables.DATABASE_PORT == "5432"
    error_message = "Redis and database settings must come from the inputs."
  }

  assert {
    condition     = output.database_environment == { host = "habits-test.cluster-abc.us-east-1.rds.amazonaws.com", secret_arn = "arn:aws:secretsmanager:us-east-1:111122223333:secret:rds!cluster-1234-XyZ" }
    error_message = "DATABASE_HOST and DATABASE_SECRET_ARN must be the given endpoint and secret (the restored cluster's after a disaster recovery)."
  }
}

run "role_reads_only_its_own_secrets" {
  command = apply

  assert {
    condition = toset(one([for s in jsondecode(aws_iam_role_policy.this.policy).Statement : s.Resource if s.Sid == "ReadOwnSecrets"])) == toset([
      "arn:aws:secretsmanager:us-east-1:111122223333:secret:rds!cluster-1234-XyZ",
      "arn:aws:secretsmanager:us-east-1:111122223333:secret:habits-test/django-secret-key-AbCdEf",
    ])
    error_message = "The role may read exactly the database secret and the Django secret key."
  }

  assert {
    condition     = one([for s in jsondecode(aws_iam_role_policy.this.policy).Statement : s.Resource if s.Sid == "ReadRedisUrlParameter"]) == ["arn:aws:ssm:us-east-1:111122223333:parameter/habits-test/redis-url"]
    error_message = "The role may read exactly the Redis URL parameter."
  }

  assert {
    condition     = alltrue([for s in jsondecode(aws_iam_role_policy.this.policy).Statement : !contains(flatten([s.Resource]), "*")])
    error_message = "No statement of the role's policy may apply to every resource."
  }

  assert {
    condition     = one([for s in jsondecode(aws_iam_role_policy.this.policy).Statement : s.Condition.StringEquals["kms:ViaService"] if s.Sid == "DecryptThroughSecretsManagerAndSsm"]) == ["secretsmanager.us-east-1.amazonaws.com", "ssm.us-east-1.amazonaws.com"]
    error_message = "KMS decryption must be limited to calls through Secrets Manager and SSM."
  }
}

run "ecr_is_immutable_scanned_and_encrypted" {
  command = plan

  assert {
    condition     = aws_ecr_repository.this.image_tag_mutability == "IMMUTABLE" && aws_ecr_repository.this.image_scanning_configuration[0].scan_on_push
    error_message = "ECR tags must be immutable and images scanned on push."
  }

  assert {
    condition     = aws_ecr_repository.this.encryption_configuration[0].encryption_type == "KMS"
    error_message = "ECR must encrypt images with KMS."
  }
}

run "api_stage_logs_and_throttles" {
  command = plan

  assert {
    condition     = aws_apigatewayv2_stage.this.name == "$default" && aws_apigatewayv2_stage.this.access_log_settings[0].destination_arn == var.api_access_log_group_arn
    error_message = "The $default stage must send access logs to the given log group."
  }

  assert {
    condition     = aws_apigatewayv2_stage.this.default_route_settings[0].throttling_rate_limit == 100 && aws_apigatewayv2_stage.this.default_route_settings[0].throttling_burst_limit == 200
    error_message = "The stage must throttle requests."
  }

  assert {
    condition     = jsondecode(aws_cloudwatch_event_target.this[0].input) == { source = "aws.events", "detail-type" = "Scheduled Event", warmup = true }
    error_message = "The warm-up event must be the scheduled event the handler recognises."
  }

  assert {
    condition     = aws_cloudwatch_event_rule.this[0].schedule_expression == "rate(5 minutes)"
    error_message = "The warm-up must run every 5 minutes."
  }
}

run "provisioned_concurrency_on_the_alias" {
  command = plan

  variables {
    provisioned_concurrency = 2
  }

  assert {
    condition     = aws_lambda_provisioned_concurrency_config.this[0].provisioned_concurrent_executions == 2 && aws_lambda_provisioned_concurrency_config.this[0].qualifier == "live"
    error_message = "Provisioned concurrency must apply to the live alias."
  }
}

run "rejects_bad_inputs" {
  command = plan

  variables {
    architecture         = "sparc"
    log_level            = "LOUD"
    reserved_concurrency = 0
  }

  expect_failures = [var.architecture, var.log_level, var.reserved_concurrency]
}
