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

  mock_data "aws_secretsmanager_secret_version" {
    defaults = {
      secret_string = "{\"current\":\"c0ffee\",\"previous\":\"\"}"
    }
  }

  mock_data "aws_ecr_repository" {
    defaults = {
      arn                      = "arn:aws:ecr:us-east-1:111122223333:repository/habits-test-api"
      repository_url           = "111122223333.dkr.ecr.us-east-1.amazonaws.com/habits-test-api"
      encryption_configuration = [{ encryption_type = "KMS", kms_key = "arn:aws:kms:us-east-1:111122223333:key/00000000-0000-0000-0000-000000000003" }]
    }
  }

  mock_data "aws_servicequotas_service_quota" {
    defaults = {
      value = 10
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

  mock_resource "aws_acm_certificate" {
    defaults = {
      arn                       = "arn:aws:acm:us-east-1:111122223333:certificate/origin"
      domain_validation_options = [{ domain_name = "api-origin.habits.example.com", resource_record_name = "_o.api-origin.habits.example.com.", resource_record_type = "CNAME", resource_record_value = "_v.acm-validations.aws." }]
    }
  }

  mock_resource "aws_apigatewayv2_api" {
    defaults = {
      api_endpoint  = "https://abc123.execute-api.us-east-1.amazonaws.com"
      execution_arn = "arn:aws:execute-api:us-east-1:111122223333:abc123"
    }
  }
}

override_resource {
  target = aws_secretsmanager_secret.this[0]
  values = {
    arn = "arn:aws:secretsmanager:us-east-1:111122223333:secret:habits-test/django-secret-key-AbCdEf"
  }
}

override_resource {
  target = aws_lambda_function.push_relay
  values = {
    arn = "arn:aws:lambda:us-east-1:111122223333:function:habits-test-push-relay"
  }
}

override_resource {
  target = aws_lambda_function.reminders
  values = {
    arn = "arn:aws:lambda:us-east-1:111122223333:function:habits-test-reminders"
  }
}

override_resource {
  target = aws_secretsmanager_secret.origin[0]
  values = {
    arn = "arn:aws:secretsmanager:us-east-1:111122223333:secret:habits-test/origin-verify-AbCdEf"
  }
}

variables {
  name                         = "habits-test"
  global_name                  = "habits-test"
  function_name                = "habits-test-api"
  migrate_function_name        = "habits-test-migrate"
  image_tag                    = "0123abc"
  kms_key_arn                  = "arn:aws:kms:us-east-1:111122223333:key/00000000-0000-0000-0000-000000000001"
  permissions_boundary_arn     = "arn:aws:iam::111122223333:policy/habits-test-boundary"
  subnet_ids                   = ["subnet-0000000000000000a", "subnet-0000000000000000b"]
  security_group_ids           = ["sg-0000000000000lambda"]
  log_group_name               = "/aws/lambda/habits-test-api"
  log_group_arn                = "arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/habits-test-api"
  migrate_log_group_name       = "/aws/lambda/habits-test-migrate"
  migrate_log_group_arn        = "arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/habits-test-migrate"
  api_access_log_group_arn     = "arn:aws:logs:us-east-1:111122223333:log-group:/aws/apigateway/habits-test-http-api"
  site_domain                  = "habits.example.com"
  database_secret_arn          = "arn:aws:secretsmanager:us-east-1:111122223333:secret:rds!cluster-1234-XyZ"
  database_host                = "habits-test.cluster-abc.us-east-1.rds.amazonaws.com"
  database_name                = "habits"
  database_cluster_resource_id = "cluster-ABCDEFGHIJKLMNOP"
  cache_host                   = "habits-test-abc123.serverless.use1.cache.amazonaws.com"
  cache_name                   = "habits-test"
  cache_arn                    = "arn:aws:elasticache:us-east-1:111122223333:serverlesscache:habits-test"
  cache_user_id                = "habits-test-app"
  cache_user_arn               = "arn:aws:elasticache:us-east-1:111122223333:user:habits-test-app"
  mail_identity_arn            = "arn:aws:ses:us-east-1:111122223333:identity/habits.example.com"
  mail_configuration_set_arn   = "arn:aws:ses:us-east-1:111122223333:configuration-set/habits-test"
  mail_configuration_set_name  = "habits-test"
  mail_from_address            = "no-reply@habits.example.com"
  mail_from                    = "Habit Tracker <no-reply@habits.example.com>"
  origin_domain_name           = "api-origin.habits.example.com"
  hosted_zone_id               = "Z0123456789EXAMPLE"
}

run "the_api_sends_mail_as_the_site_and_nothing_else" {
  command = apply

  assert {
    condition = one([for s in jsondecode(aws_iam_role_policy.api.policy).Statement : s if s.Sid == "SendMailAsTheSite"]) == {
      Sid       = "SendMailAsTheSite"
      Effect    = "Allow"
      Action    = ["ses:SendEmail"]
      Resource  = [var.mail_identity_arn, var.mail_configuration_set_arn]
      Condition = { StringEquals = { "ses:FromAddress" = "no-reply@habits.example.com" } }
    }
    error_message = "ses:SendEmail only as the site's address, through its identity and configuration set."
  }

  assert {
    condition     = length([for s in jsondecode(aws_iam_role_policy.migrate.policy).Statement : s if contains(s.Action, "ses:SendEmail")]) == 0
    error_message = "The migration function sends no mail."
  }

  assert {
    condition     = output.api_environment.MAIL_TRANSPORT == "ses" && output.api_environment.SITE_URL == "https://habits.example.com" && output.api_environment.MAIL_SES_CONFIGURATION_SET == "habits-test"
    error_message = "The API knows where links point and how mail leaves."
  }
}

run "api_function_in_the_vpc_with_ipv6_egress" {
  command = apply

  assert {
    condition     = aws_lambda_function.this.package_type == "Image" && endswith(aws_lambda_function.this.image_uri, ":0123abc")
    error_message = "The function must run the container image with the given tag."
  }

  assert {
    condition     = aws_lambda_function.this.vpc_config[0].subnet_ids == toset(var.subnet_ids) && aws_lambda_function.this.vpc_config[0].ipv6_allowed_for_dual_stack
    error_message = "The function must run in the private subnets and may use their IPv6 egress."
  }

  assert {
    condition     = aws_lambda_function.this.reserved_concurrent_executions == -1 && aws_lambda_function.this.memory_size == 1024 && aws_lambda_function.this.timeout == 30
    error_message = "No reservation by default (a new account has no quota for one); 1 GB; 30 s."
  }

  assert {
    condition     = aws_lambda_function.this.tracing_config[0].mode == "PassThrough"
    error_message = "No active tracing: nothing in the VPC could deliver the traces."
  }

  assert {
    condition     = length(aws_lambda_provisioned_concurrency_config.this) == 0 && length(aws_cloudwatch_event_rule.this) == 0
    error_message = "No provisioned concurrency and no warm-up by default."
  }
}

run "api_environment_matches_the_contract" {
  command = apply

  assert {
    condition = keys(aws_lambda_function.this.environment[0].variables) == sort([
      "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOWED_HOSTS", "DJANGO_CSRF_TRUSTED_ORIGINS", "DJANGO_SECRET_KEY_SECRET_ARN",
      "HABITS_FUNCTION", "DATABASE_HOST", "DATABASE_PORT", "DATABASE_NAME", "DATABASE_USER", "DATABASE_IAM_AUTH",
      "DATABASE_SSLROOTCERT", "DATABASE_STATEMENT_TIMEOUT_MS", "REDIS_HOST", "REDIS_PORT", "REDIS_IAM_USER", "REDIS_CACHE_NAME",
      "ORIGIN_SECRET_ARN", "ORIGIN_VERIFY_HEADER", "CLIENT_ADDRESS_HEADER", "API_BASE_PATH", "LOG_LEVEL",
      "SITE_URL", "MAIL_TRANSPORT", "MAIL_FROM", "MAIL_SES_CONFIGURATION_SET",
    ])
    error_message = "The API function must get exactly the environment variables of docs/CONTRACT_NOTES.md."
  }

  assert {
    condition = { for k, v in aws_lambda_function.this.environment[0].variables : k => v if contains(["HABITS_FUNCTION", "DATABASE_USER", "DATABASE_IAM_AUTH", "DATABASE_SSLROOTCERT", "DATABASE_STATEMENT_TIMEOUT_MS", "ORIGIN_VERIFY_HEADER", "CLIENT_ADDRESS_HEADER", "REDIS_IAM_USER", "REDIS_CACHE_NAME"], k) } == {
      HABITS_FUNCTION               = "api"
      DATABASE_USER                 = "habits_app"
      DATABASE_IAM_AUTH             = "true"
      DATABASE_SSLROOTCERT          = "/var/task/certs/rds-global-bundle.pem"
      DATABASE_STATEMENT_TIMEOUT_MS = "5000"
      ORIGIN_VERIFY_HEADER          = "X-Origin-Verify"
      CLIENT_ADDRESS_HEADER         = "CloudFront-Viewer-Address"
      REDIS_IAM_USER                = "habits-test-app"
      REDIS_CACHE_NAME              = "habits-test"
    }
    error_message = "The API connects as habits_app with IAM tokens and verify-full, to Valkey with IAM, and checks the origin header."
  }

  assert {
    condition     = aws_lambda_function.this.environment[0].variables.DJANGO_ALLOWED_HOSTS == "abc123.execute-api.us-east-1.amazonaws.com,api-origin.habits.example.com,habits.example.com" && aws_lambda_function.this.environment[0].variables.ORIGIN_SECRET_ARN == "arn:aws:secretsmanager:us-east-1:111122223333:secret:habits-test/origin-verify-AbCdEf"
    error_message = "Allowed hosts are API Gateway's (CloudFront does not forward the viewer's Host) and the site's; the origin secret is named."
  }
}

run "migrations_run_apart_with_their_own_limits" {
  command = apply

  assert {
    condition     = aws_lambda_function.migrate.timeout == 900 && aws_lambda_function.this.timeout == 30
    error_message = "Migrations get Lambda's 15 minutes; the API keeps API Gateway's 30 s."
  }

  assert {
    condition = { for k, v in aws_lambda_function.migrate.environment[0].variables : k => v if contains(["HABITS_FUNCTION", "DATABASE_SECRET_ARN", "DATABASE_APP_USER", "DATABASE_STATEMENT_TIMEOUT_MS", "DATABASE_LOCK_TIMEOUT_MS", "MANAGE_COMMANDS"], k) } == {
      HABITS_FUNCTION               = "migrate"
      DATABASE_SECRET_ARN           = "arn:aws:secretsmanager:us-east-1:111122223333:secret:rds!cluster-1234-XyZ"
      DATABASE_APP_USER             = "habits_app"
      DATABASE_STATEMENT_TIMEOUT_MS = "600000"
      DATABASE_LOCK_TIMEOUT_MS      = "5000"
      MANAGE_COMMANDS               = "migrate,showmigrations,check,createcachetable"
    }
    error_message = "The migration function uses the master secret, a 10-minute statement limit, a 5 s lock limit and an allow-list of commands."
  }

  assert {
    condition     = length(setintersection(toset(keys(aws_lambda_function.migrate.environment[0].variables)), toset(["REDIS_HOST", "ORIGIN_SECRET_ARN", "DATABASE_IAM_AUTH"]))) == 0
    error_message = "The migration function needs neither the cache nor the origin secret."
  }
}

run "roles_reach_only_what_they_use" {
  command = plan

  assert {
    condition = toset(output.readable_secret_arns.api) == toset([
      "arn:aws:secretsmanager:us-east-1:111122223333:secret:habits-test/django-secret-key-AbCdEf",
      "arn:aws:secretsmanager:us-east-1:111122223333:secret:habits-test/origin-verify-AbCdEf",
    ])
    error_message = "The API role reads the Django key and the origin secret, and not the master secret."
  }

  assert {
    condition     = toset(output.readable_secret_arns.migrate) == toset(["arn:aws:secretsmanager:us-east-1:111122223333:secret:habits-test/django-secret-key-AbCdEf", "arn:aws:secretsmanager:us-east-1:111122223333:secret:rds!cluster-1234-XyZ"])
    error_message = "The migration role reads the Django key and the master secret."
  }

  assert {
    condition     = one([for s in output.role_policies.api.Statement : s.Resource if s.Sid == "ConnectToTheDatabaseAsTheApplicationRole"]) == ["arn:aws:rds-db:us-east-1:111122223333:dbuser:cluster-ABCDEFGHIJKLMNOP/habits_app"]
    error_message = "The API may connect to this cluster as habits_app only."
  }

  assert {
    condition     = toset(one([for s in output.role_policies.api.Statement : s.Resource if s.Sid == "ConnectToTheCacheAsTheApplicationUser"])) == toset([var.cache_arn, var.cache_user_arn])
    error_message = "The API may connect to this cache as its user only."
  }

  assert {
    condition     = alltrue([for p in values(output.role_policies) : alltrue([for s in p.Statement : !contains(flatten([s.Resource]), "*")])])
    error_message = "No statement of the functions' policies may apply to every resource."
  }

  assert {
    condition     = aws_iam_role.api.permissions_boundary == var.permissions_boundary_arn && aws_iam_role.migrate.permissions_boundary == var.permissions_boundary_arn
    error_message = "Both roles carry the permissions boundary."
  }

  assert {
    condition     = alltrue([for r in [aws_iam_role.api, aws_iam_role.migrate] : jsondecode(r.assume_role_policy).Statement[0].Principal == { Service = "lambda.amazonaws.com" } && jsondecode(r.assume_role_policy).Statement[0].Condition.StringEquals["aws:SourceAccount"] == "111122223333"])
    error_message = "Only Lambda, for this account, may assume the roles."
  }
}

run "origin_secret_starts_random_and_follows_rotation" {
  command = plan

  assert {
    condition     = output.origin_verify_header.name == "X-Origin-Verify" && output.origin_verify_header.value == "c0ffee"
    error_message = "CloudFront gets the secret's current value under X-Origin-Verify."
  }

  assert {
    condition     = aws_secretsmanager_secret.origin[0].kms_key_id == var.kms_key_arn && aws_secretsmanager_secret.this[0].kms_key_id == var.kms_key_arn
    error_message = "Both secrets are encrypted with the given key."
  }
}

run "ecr_is_immutable_scanned_encrypted_and_pullable_by_the_functions_only" {
  command = plan

  assert {
    condition     = aws_ecr_repository.this[0].image_tag_mutability == "IMMUTABLE" && aws_ecr_repository.this[0].image_scanning_configuration[0].scan_on_push && aws_ecr_repository.this[0].encryption_configuration[0].encryption_type == "KMS"
    error_message = "ECR tags must be immutable, images scanned on push and encrypted with KMS."
  }

  assert {
    condition     = toset(jsondecode(aws_ecr_repository_policy.this[0].policy).Statement[0].Condition.StringLike["aws:sourceArn"]) == toset([for f in ["api", "migrate", "reminders", "push-relay"] : "arn:aws:lambda:us-east-1:111122223333:function:habits-test-${f}"])
    error_message = "Lambda may pull images for this stack's functions only."
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
}

run "warmup_and_provisioned_concurrency_when_asked" {
  command = plan

  variables {
    warmup_enabled          = true
    provisioned_concurrency = 2
  }

  assert {
    condition     = jsondecode(aws_cloudwatch_event_target.this[0].input) == { source = "aws.events", "detail-type" = "Scheduled Event", warmup = true } && aws_cloudwatch_event_rule.this[0].schedule_expression == "rate(5 minutes)"
    error_message = "The warm-up is the scheduled event the handler recognises, every 5 minutes."
  }

  assert {
    condition     = aws_lambda_provisioned_concurrency_config.this[0].provisioned_concurrent_executions == 2 && aws_lambda_provisioned_concurrency_config.this[0].qualifier == "live"
    error_message = "Provisioned concurrency must apply to the live alias."
  }
}

run "a_reservation_beyond_the_quota_is_refused_at_plan" {
  command = plan

  variables {
    reserved_concurrency = 10
  }

  expect_failures = [aws_lambda_function.this]
}

run "a_reservation_within_the_quota_is_applied" {
  command = plan

  variables {
    reserved_concurrency = 50
  }

  override_data {
    target = data.aws_servicequotas_service_quota.concurrency[0]
    values = {
      value = 1000
    }
  }

  assert {
    condition     = aws_lambda_function.this.reserved_concurrent_executions == 50
    error_message = "With quota for it, the reservation applies."
  }
}

run "rejects_bad_inputs" {
  command = plan

  variables {
    architecture         = "sparc"
    log_level            = "LOUD"
    reserved_concurrency = 0
    timeout_seconds      = 60
    manage_commands      = ["migrate", "shell"]
    database_app_user    = "Habits-App"
  }

  expect_failures = [var.architecture, var.log_level, var.reserved_concurrency, var.timeout_seconds, var.manage_commands, var.database_app_user]
}

# The primary of an environment with a standby: CloudFront reaches the API by a failover record whose
# health check is the failover switch, and the secrets and images are copied to the standby's region.
run "primary_replicates_to_the_standby_and_answers_the_origin_first" {
  command = plan

  variables {
    replica_region           = "us-west-2"
    replica_kms_key_arn      = "arn:aws:kms:us-west-2:111122223333:key/00000000-0000-0000-0000-000000000002"
    failover_health_check_id = "hc-switch"
  }

  assert {
    condition = output.replication.secrets == {
      django = [{ region = "us-west-2", kms_key_id = "arn:aws:kms:us-west-2:111122223333:key/00000000-0000-0000-0000-000000000002" }]
      origin = [{ region = "us-west-2", kms_key_id = "arn:aws:kms:us-west-2:111122223333:key/00000000-0000-0000-0000-000000000002" }]
    }
    error_message = "Both secrets are replicated to the standby's region, encrypted there with that region's key."
  }

  assert {
    condition     = output.replication.ecr_destinations == ["us-west-2"] && aws_ecr_replication_configuration.this[0].replication_configuration[0].rule[0].repository_filter[0].filter == "habits-test-api"
    error_message = "Every image of this repository is replicated to the standby's region."
  }

  assert {
    condition     = toset(jsondecode(output.ecr_replica_settings.pull_policy).Statement[0].Condition.StringLike["aws:sourceArn"]) == toset([for f in ["api", "migrate", "reminders", "push-relay"] : "arn:aws:lambda:us-west-2:111122223333:function:habits-test-${f}"])
    error_message = "The replica repository lets Lambda pull for the standby's functions only."
  }

  assert {
    condition     = output.origin_record == { name = "api-origin.habits.example.com", role = "PRIMARY", set_identifier = "habits-test-primary", health_check_id = "hc-switch" }
    error_message = "The primary answers api-origin while the failover switch's health check is healthy."
  }

  assert {
    condition     = length(aws_route53_record.origin_validation) == 1 && aws_apigatewayv2_domain_name.origin.domain_name_configuration[0].endpoint_type == "REGIONAL" && aws_apigatewayv2_domain_name.origin.domain_name_configuration[0].security_policy == "TLS_1_2"
    error_message = "The primary validates the origin's certificate (one record for both regions) and serves a regional custom domain over TLS 1.2."
  }

  assert {
    condition     = contains(split(",", output.api_environment["DJANGO_ALLOWED_HOSTS"]), "api-origin.habits.example.com")
    error_message = "Django accepts the Host CloudFront sends to the origin name."
  }
}

# The pilot light: no secrets of its own (the primary's replicas), no database or cache yet, the
# secondary half of the failover record, and a migration role that can read the restored cluster's
# master secret, whose name RDS chooses on the day.
run "standby_reads_the_replicas_and_waits_for_the_restore" {
  command = plan

  variables {
    standby                         = true
    database_secret_arn             = null
    database_host                   = ""
    database_cluster_resource_id    = null
    cache_host                      = ""
    create_origin_validation_record = false
    failover_role                   = "SECONDARY"
  }

  override_data {
    target = data.aws_secretsmanager_secret.replica["django-secret-key"]
    values = {
      arn        = "arn:aws:secretsmanager:us-east-1:111122223333:secret:habits-test/django-secret-key-AbCdEf"
      kms_key_id = "arn:aws:kms:us-east-1:111122223333:key/00000000-0000-0000-0000-000000000003"
    }
  }

  override_data {
    target = data.aws_secretsmanager_secret.replica["origin-verify"]
    values = {
      arn        = "arn:aws:secretsmanager:us-east-1:111122223333:secret:habits-test/origin-verify-AbCdEf"
      kms_key_id = "arn:aws:kms:us-east-1:111122223333:key/00000000-0000-0000-0000-000000000003"
    }
  }

  assert {
    condition     = aws_scheduler_schedule.reminders.state == "DISABLED"
    error_message = "A standby sends no reminders until it is opened."
  }

  assert {
    condition     = length(aws_secretsmanager_secret.this) == 0 && length(aws_secretsmanager_secret.origin) == 0 && output.origin_verify_header == null
    error_message = "A standby creates no secret: Secrets Manager replicates the primary's under the same names."
  }

  assert {
    condition     = output.api_environment["ORIGIN_SECRET_ARN"] == "arn:aws:secretsmanager:us-east-1:111122223333:secret:habits-test/origin-verify-AbCdEf" && output.api_environment["DATABASE_HOST"] == "" && output.migrate_environment["DATABASE_SECRET_ARN"] == ""
    error_message = "The standby's functions read the replicas and wait for ops.dr point to give them a database."
  }

  assert {
    condition     = contains(output.readable_secret_arns.migrate, "arn:aws:secretsmanager:us-east-1:111122223333:secret:rds!cluster-*") && contains(one([for s in output.role_policies.api.Statement : s.Resource if s.Sid == "DecryptThroughSecretsManager"]), "arn:aws:kms:us-east-1:111122223333:key/00000000-0000-0000-0000-000000000003")
    error_message = "The migration role can read the master secret of a cluster restored on the day, and both roles decrypt the replicas."
  }

  assert {
    condition     = output.origin_record.role == "SECONDARY" && output.origin_record.health_check_id == null && length(aws_route53_record.origin_validation) == 0 && length(aws_ecr_replication_configuration.this) == 0
    error_message = "The standby holds the secondary record, relies on the primary's validation record and replicates nothing."
  }

  assert {
    condition     = length(aws_ecr_repository.this) == 0 && output.ecr_repository_url == data.aws_ecr_repository.replica[0].repository_url && endswith(aws_lambda_function.this.image_uri, ":0123abc")
    error_message = "The standby's functions run the image replicated into the repository ECR made from the primary's template."
  }
}

# Reminders: a schedule wakes the sender once a minute; the sender (in the VPC) reads the database, the
# cache and the VAPID key and hands encrypted pushes to the relay; the relay (outside the VPC) can only log.
run "reminders_wake_a_sender_that_relays_pushes" {
  command = apply

  assert {
    condition     = aws_scheduler_schedule.reminders.schedule_expression == "rate(1 minute)" && aws_scheduler_schedule.reminders.state == "ENABLED" && aws_scheduler_schedule.reminders.flexible_time_window[0].mode == "OFF"
    error_message = "The sender is woken once a minute, on time."
  }

  assert {
    condition     = aws_scheduler_schedule.reminders.target[0].arn == aws_lambda_function.reminders.arn && jsondecode(aws_scheduler_schedule.reminders.target[0].input) == { reminders = "send" } && aws_scheduler_schedule.reminders.target[0].retry_policy[0].maximum_retry_attempts == 0
    error_message = "The schedule sends {\"reminders\": \"send\"} to the sender and does not retry (the next minute does)."
  }

  assert {
    condition     = jsondecode(aws_iam_role_policy.scheduler.policy).Statement == [{ Sid = "InvokeTheSender", Effect = "Allow", Action = ["lambda:InvokeFunction"], Resource = [aws_lambda_function.reminders.arn] }] && jsondecode(aws_iam_role.scheduler.assume_role_policy).Statement[0].Principal == { Service = "scheduler.amazonaws.com" }
    error_message = "The scheduler's role may invoke the sender and nothing else."
  }

  assert {
    condition     = aws_lambda_function.reminders.vpc_config[0].subnet_ids == toset(var.subnet_ids) && aws_lambda_function.reminders.vpc_config[0].ipv6_allowed_for_dual_stack && aws_lambda_function.reminders.timeout < 60
    error_message = "The sender runs in the private subnets with IPv6 egress, and finishes within its minute."
  }

  assert {
    condition = { for k, v in aws_lambda_function.reminders.environment[0].variables : k => v if contains(["HABITS_FUNCTION", "PUSH_RELAY_FUNCTION", "AWS_USE_DUALSTACK_ENDPOINT", "DATABASE_IAM_AUTH", "DATABASE_USER", "VAPID_SUBJECT"], k) } == {
      HABITS_FUNCTION            = "reminders"
      VAPID_SUBJECT              = "mailto:no-reply@habits.example.com"
      PUSH_RELAY_FUNCTION        = "habits-test-push-relay"
      AWS_USE_DUALSTACK_ENDPOINT = "true"
      DATABASE_IAM_AUTH          = "true"
      DATABASE_USER              = "habits_app"
    }
    error_message = "The sender connects like the API (application role, IAM tokens) and reaches the relay over the dual-stack endpoint."
  }

  assert {
    condition     = length(aws_lambda_function.push_relay.vpc_config) == 0 && aws_lambda_function.push_relay.image_config[0].command == tolist(["push_relay.handler"]) && keys(aws_lambda_function.push_relay.environment[0].variables) == tolist(["LOG_LEVEL"])
    error_message = "The relay runs the same image's push_relay.handler outside the VPC, with no configuration but its log level."
  }

  assert {
    condition     = [for s in jsondecode(aws_iam_role_policy.push_relay.policy).Statement : s.Action] == [["logs:CreateLogStream", "logs:PutLogEvents"]] && length(aws_iam_role_policy_attachment.reminders_vpc_access.policy_arn) > 0
    error_message = "The relay may write its logs and nothing else."
  }

  assert {
    condition     = one([for s in output.role_policies.reminders.Statement : s.Resource if s.Sid == "HandPushMessagesToTheRelay"]) == ["arn:aws:lambda:us-east-1:111122223333:function:habits-test-push-relay"]
    error_message = "The sender may invoke the relay only."
  }

  assert {
    condition     = toset(output.readable_secret_arns.reminders) == toset(output.readable_secret_arns.api)
    error_message = "The sender reads the same secrets as the API (the Django key, from which the VAPID pair is derived) and no other."
  }

  assert {
    condition     = alltrue([for r in [aws_iam_role.reminders, aws_iam_role.push_relay, aws_iam_role.scheduler] : r.permissions_boundary == var.permissions_boundary_arn])
    error_message = "Every reminder role carries the permissions boundary."
  }

  assert {
    condition     = aws_cloudwatch_log_group.reminders.kms_key_id == var.kms_key_arn && aws_scheduler_schedule.reminders.kms_key_arn == var.kms_key_arn
    error_message = "The sender's logs and the schedule are encrypted with the given key."
  }
}

run "reminders_can_be_switched_off" {
  command = plan

  variables {
    reminders_enabled = false
  }

  assert {
    condition     = aws_scheduler_schedule.reminders.state == "DISABLED"
    error_message = "With reminders off the schedule exists but does not fire."
  }
}
