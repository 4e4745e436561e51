# The composition as each environment uses it: staging and production plan from the same module with
# only `environment` (and the account's values) different.
mock_provider "aws" {
  # Mocked values stand in for computed ones during plan too, so that assertions can read ARNs.
  override_during = plan

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

  mock_data "aws_ecr_repository" {
    defaults = {
      arn                      = "arn:aws:ecr:us-east-1:111122223333:repository/replica"
      repository_url           = "111122223333.dkr.ecr.us-east-1.amazonaws.com/replica"
      encryption_configuration = [{ encryption_type = "KMS", kms_key = "arn:aws:kms:us-east-1:111122223333:key/00000000-0000-0000-0000-000000000002" }]
    }
  }

  mock_data "aws_secretsmanager_secret_version" {
    defaults = {
      secret_string = "{\"current\":\"c0ffee\",\"previous\":\"\"}"
    }
  }

  mock_resource "aws_vpc" {
    defaults = {
      ipv6_cidr_block = "2600:1f18:1234:5600::/56"
    }
  }

  mock_resource "aws_iam_role" {
    defaults = {
      arn = "arn:aws:iam::111122223333:role/mocked"
    }
  }

  mock_resource "aws_iam_policy" {
    defaults = {
      arn = "arn:aws:iam::111122223333:policy/habits-permissions-boundary"
    }
  }

  mock_resource "aws_cloudwatch_log_group" {
    defaults = {
      arn = "arn:aws:logs:us-east-1:111122223333:log-group:mocked"
    }
  }

  mock_resource "aws_kms_key" {
    defaults = {
      arn = "arn:aws:kms:us-east-1:111122223333:key/00000000-0000-0000-0000-000000000001"
    }
  }

  mock_resource "aws_lambda_function" {
    defaults = {
      arn     = "arn:aws:lambda:us-east-1:111122223333:function:mocked"
      version = "1"
    }
  }

  mock_resource "aws_lambda_alias" {
    defaults = {
      arn        = "arn:aws:lambda:us-east-1:111122223333:function:mocked:live"
      invoke_arn = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:111122223333:function:mocked:live/invocations"
    }
  }

  mock_resource "aws_apigatewayv2_api" {
    defaults = {
      api_endpoint  = "https://abc123.execute-api.us-east-1.amazonaws.com"
      execution_arn = "arn:aws:execute-api:us-east-1:111122223333:abc123"
    }
  }

  mock_resource "aws_sns_topic" {
    defaults = {
      arn = "arn:aws:sns:us-east-1:111122223333:mocked"
    }
  }

  mock_resource "aws_s3_bucket" {
    defaults = {
      arn = "arn:aws:s3:::mocked"
    }
  }

  mock_resource "aws_cloudfront_distribution" {
    defaults = {
      arn = "arn:aws:cloudfront::111122223333:distribution/E2EXAMPLE"
    }
  }

  mock_resource "aws_codestarconnections_connection" {
    defaults = {
      arn = "arn:aws:codestar-connections:us-east-1:111122223333:connection/0000-1111"
    }
  }

  mock_resource "aws_elasticache_serverless_cache" {
    defaults = {
      arn      = "arn:aws:elasticache:us-east-1:111122223333:serverlesscache:mocked"
      endpoint = [{ address = "mocked.serverless.use1.cache.amazonaws.com", port = 6379 }]
    }
  }

  mock_resource "aws_rds_cluster" {
    defaults = {
      arn                 = "arn:aws:rds:us-east-1:111122223333:cluster:mocked"
      cluster_resource_id = "cluster-ABCDEFGHIJKLMNOP"
      master_user_secret  = [{ secret_arn = "arn:aws:secretsmanager:us-east-1:111122223333:secret:rds!cluster-0000-AbCdEf", kms_key_id = "k", secret_status = "active" }]
    }
  }

  mock_resource "aws_secretsmanager_secret" {
    defaults = {
      arn = "arn:aws:secretsmanager:us-east-1:111122223333:secret:mocked-AbCdEf"
    }
  }

  mock_resource "aws_backup_vault" {
    defaults = {
      arn = "arn:aws:backup:us-east-1:111122223333:backup-vault:mocked"
    }
  }

  mock_resource "aws_ecr_repository" {
    defaults = {
      arn                      = "arn:aws:ecr:us-east-1:111122223333:repository/mocked"
      repository_url           = "111122223333.dkr.ecr.us-east-1.amazonaws.com/mocked"
      encryption_configuration = [{ encryption_type = "KMS", kms_key = "arn:aws:kms:us-east-1:111122223333:key/00000000-0000-0000-0000-000000000001" }]
    }
  }

  mock_resource "aws_wafv2_web_acl" {
    defaults = {
      arn = "arn:aws:wafv2:us-east-1:111122223333:global/webacl/mocked/abcd"
    }
  }

  mock_resource "aws_acm_certificate_validation" {
    defaults = {
      certificate_arn = "arn:aws:acm:us-east-1:111122223333:certificate/mocked"
    }
  }

  mock_resource "aws_acm_certificate" {
    defaults = {
      arn                       = "arn:aws:acm:us-east-1:111122223333:certificate/origin"
      domain_validation_options = [{ domain_name = "api-origin.habits.example.com", resource_record_name = "_o.api-origin.habits.example.com.", resource_record_type = "CNAME", resource_record_value = "_v.acm-validations.aws." }]
    }
  }

  mock_resource "aws_route53_health_check" {
    defaults = {
      id = "hc-failover-switch"
    }
  }
}

mock_provider "aws" {
  alias           = "us_east_1"
  override_during = plan

  mock_resource "aws_wafv2_web_acl" {
    defaults = {
      arn = "arn:aws:wafv2:us-east-1:111122223333:global/webacl/mocked/abcd"
    }
  }

  mock_resource "aws_acm_certificate" {
    defaults = {
      arn                       = "arn:aws:acm:us-east-1:111122223333:certificate/mocked"
      domain_validation_options = [{ domain_name = "habits.example.com", resource_record_name = "_x.habits.example.com.", resource_record_type = "CNAME", resource_record_value = "_y.acm-validations.aws." }]
    }
  }

  mock_resource "aws_acm_certificate_validation" {
    defaults = {
      certificate_arn = "arn:aws:acm:us-east-1:111122223333:certificate/mocked"
    }
  }

  mock_resource "aws_cloudwatch_log_group" {
    defaults = {
      arn = "arn:aws:logs:us-east-1:111122223333:log-group:mocked"
    }
  }
}

mock_provider "aws" {
  alias           = "dr"
  override_during = plan

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
      name = "us-west-2"
    }
  }

  mock_resource "aws_kms_key" {
    defaults = {
      arn = "arn:aws:kms:us-west-2:111122223333:key/00000000-0000-0000-0000-000000000002"
    }
  }

  mock_resource "aws_backup_vault" {
    defaults = {
      arn = "arn:aws:backup:us-west-2:111122223333:backup-vault:mocked-dr"
    }
  }

  mock_resource "aws_s3_bucket" {
    defaults = {
      arn = "arn:aws:s3:::mocked-replica"
    }
  }
}

variables {
  account_id              = "111122223333"
  domain_name             = "habits.example.com"
  hosted_zone_id          = "Z0123456789EXAMPLE"
  alarm_email             = "ops@example.com"
  image_tag               = "0123abc"
  operator_principal_arns = ["arn:aws:iam::111122223333:role/operators"]
  repository_id           = "example/habit-tracker"
  terraform_state_bucket  = "example-terraform-state"
}

run "staging_pauses_and_costs_little" {
  command = plan

  variables {
    environment = "staging"
  }

  assert {
    condition     = module.database.capacity_range == { min = 0, max = 4 } && module.database.auto_pause == { enabled = true, seconds = 300 }
    error_message = "Staging's Aurora scales from 0 ACUs, pausing after 5 idle minutes, up to 4."
  }

  assert {
    condition     = module.database.instance_count == 1 && !module.database.deletion_protection
    error_message = "Staging runs a writer only and can be torn down."
  }

  assert {
    condition     = length(module.backend.api_environment) > 0 && length(module.observability.alarm_names) == 8 && module.observability.dashboard_name == null
    error_message = "Staging keeps the eight alarms but no dashboard."
  }

  assert {
    condition     = keys(module.backup[0].rules) == ["daily"] && module.backup[0].rules.daily.retention_days == 30
    error_message = "Staging backs up daily only (30 days), still copied to the DR region."
  }

  assert {
    condition     = module.observability.log_retention_days == 30
    error_message = "Staging keeps logs for 30 days."
  }

  assert {
    condition     = module.pipeline.stage_names.terraform == ["Source", "Plan", "Apply"]
    error_message = "Staging applies without a manual approval."
  }
}

run "staging_nothing_keeps_the_database_awake" {
  command = plan

  variables {
    environment = "staging"
  }

  assert {
    condition     = !contains(keys(module.backend.api_environment), "WARMUP") && length(module.database.cluster_parameters) > 0 && module.database.cluster_parameters["idle_session_timeout"] == "60000"
    error_message = "Idle sessions are closed after a minute so that frozen functions' connections do not keep the instance awake."
  }

  assert {
    condition     = module.frontend[0].api_origin_request_policy == "Managed-AllViewerExceptHostHeader"
    error_message = "The API paths get the viewer's headers but Host, and CloudFront's."
  }
}

run "production_stays_up_within_budget" {
  command = plan

  variables {
    environment = "production"
  }

  assert {
    condition     = module.database.capacity_range == { min = 0.5, max = 8 } && !module.database.auto_pause.enabled
    error_message = "Production's Aurora never pauses (0.5 ACU floor) and can grow to 8."
  }

  assert {
    condition     = module.database.instance_count == 1 && module.database.deletion_protection
    error_message = "Production runs its writer (a reader is a priced option) with deletion protection."
  }

  assert {
    condition     = module.backup[0].rules.hourly.retention_days == 7 && module.backup[0].rules.daily.retention_days == 90
    error_message = "Production keeps hourly points 7 days and daily ones 90 (each copied to the DR vault: backup module tests)."
  }

  assert {
    condition     = module.observability.log_retention_days == 365 && module.observability.dashboard_name == "habits-production-overview"
    error_message = "Production keeps logs a year and has its dashboard."
  }

  assert {
    condition     = module.pipeline.stage_names.terraform == ["Source", "Plan", "Approve", "Apply"]
    error_message = "Production applies only after a manual approval."
  }
}

run "no_nat_and_no_public_ipv4" {
  command = plan

  variables {
    environment = "production"
  }

  assert {
    condition     = module.network.internet_routes == [{ destination = "::/0", via = "egress-only-internet-gateway" }]
    error_message = "The only way out of the VPC is IPv6 through the egress-only internet gateway: no NAT gateway, no internet gateway."
  }
}

run "database_and_cache_take_iam_tokens" {
  command = plan

  variables {
    environment = "production"
  }

  assert {
    condition     = module.database.iam_database_authentication && module.database.cluster_parameters["jit"] == "0" && module.database.cluster_parameters["rds.force_ssl"] == "1"
    error_message = "Aurora accepts IAM tokens, runs without JIT and only over TLS."
  }

  assert {
    condition     = module.cache.engine == "valkey"
    error_message = "The cache is Valkey."
  }

  assert {
    condition = { for k in ["DATABASE_USER", "DATABASE_IAM_AUTH", "DATABASE_SSLROOTCERT", "REDIS_IAM_USER", "REDIS_CACHE_NAME"] : k => module.backend.api_environment[k] } == {
      DATABASE_USER        = "habits_app"
      DATABASE_IAM_AUTH    = "true"
      DATABASE_SSLROOTCERT = "/var/task/certs/rds-global-bundle.pem"
      REDIS_IAM_USER       = "habits-production-app"
      REDIS_CACHE_NAME     = "habits-production"
    }
    error_message = "The API connects as habits_app with a token over verify-full, and to Valkey as its IAM user."
  }

  assert {
    condition     = !contains(module.backend.readable_secret_arns.api, module.database.master_user_secret_arn) && !contains(keys(module.backend.api_environment), "DATABASE_SECRET_ARN")
    error_message = "The API neither knows nor reads the master secret: only the migration function does."
  }

  assert {
    condition     = one([for s in module.backend.role_policies.api.Statement : s.Resource if s.Sid == "ConnectToTheDatabaseAsTheApplicationRole"]) == ["arn:aws:rds-db:us-east-1:111122223333:dbuser:cluster-ABCDEFGHIJKLMNOP/habits_app"]
    error_message = "rds-db:connect for habits_app on this cluster only."
  }
}

run "only_cloudfront_reaches_django" {
  command = plan

  variables {
    environment = "production"
  }

  assert {
    condition     = module.frontend[0].api_origin_header_names == ["X-Origin-Verify"] && module.backend.api_environment["ORIGIN_VERIFY_HEADER"] == "X-Origin-Verify"
    error_message = "CloudFront adds X-Origin-Verify to API requests and the function's environment names that header."
  }

  assert {
    condition     = module.backend.api_environment["ORIGIN_SECRET_ARN"] == module.backend.origin_secret_arn && module.backend.api_environment["CLIENT_ADDRESS_HEADER"] == "CloudFront-Viewer-Address"
    error_message = "The application reads the origin secret and takes the client address from CloudFront-Viewer-Address."
  }

  assert {
    condition     = module.frontend[0].waf_rules["rate-limit-auth-posts-per-ip"] == { priority = 0, rate_limit = 50 }
    error_message = "Auth POSTs have their own WAF rate limit."
  }
}

run "migrations_have_their_own_limits" {
  command = plan

  variables {
    environment = "production"
  }

  assert {
    condition     = module.backend.function_limits == { api = 30, migrate = 900 }
    error_message = "Migrations run with 15 minutes, the API with API Gateway's 30 s."
  }

  assert {
    condition     = module.backend.migrate_environment["DATABASE_STATEMENT_TIMEOUT_MS"] == "600000" && module.backend.api_environment["DATABASE_STATEMENT_TIMEOUT_MS"] == "5000" && module.backend.migrate_environment["DATABASE_SECRET_ARN"] == module.database.master_user_secret_arn
    error_message = "Migrations get a 10-minute statement limit and the master user; requests 5 s."
  }
}

run "every_role_within_the_boundary" {
  command = plan

  variables {
    environment = "production"
  }

  assert {
    condition     = [for k in ["codebuild-backend", "codebuild-frontend", "codepipeline"] : module.pipeline.role_boundaries[k]] == [output.permissions_boundary_arn, output.permissions_boundary_arn, output.permissions_boundary_arn]
    error_message = "The pipeline's roles without IAM duties carry the boundary."
  }

  assert {
    condition     = one([for s in module.pipeline.terraform_build_policy.Statement : s.Condition.StringEquals["iam:PermissionsBoundary"] if s.Sid == "CreateAndChangeRolesOnlyWithinTheBoundary"]) == output.permissions_boundary_arn
    error_message = "The terraform build may create or change a role only with this boundary on it."
  }

  assert {
    condition     = contains([for s in jsondecode(aws_iam_policy.permissions_boundary.policy).Statement : s.Sid if s.Effect == "Allow" && try(s.NotAction, []) == ["iam:*", "organizations:*", "account:*"]], "EverythingButIamAndAccountAdministration")
    error_message = "The boundary allows nothing of IAM but reading and passing the stack's roles."
  }

  assert {
    condition     = one([for s in module.pipeline.terraform_build_policy.Statement : s.Resource if s.Sid == "TerraformStateAndLockFile"]) == ["arn:aws:s3:::example-terraform-state/habits/production/terraform.tfstate", "arn:aws:s3:::example-terraform-state/habits/production/terraform.tfstate.tflock"]
    error_message = "The pipeline locks the state with S3's lock file (no DynamoDB table)."
  }
}

run "one_key_per_region_and_purpose" {
  command = plan

  variables {
    environment = "staging"
  }

  assert {
    condition     = output.kms_key_arns.edge == output.kms_key_arns.main && length(module.edge_key) == 0
    error_message = "In us-east-1 the main key also encrypts the WAF logs: no separate edge key."
  }

  assert {
    condition = toset(one([for s in jsondecode(module.key.policy).Statement : s.Condition.ArnLike["kms:EncryptionContext:aws:logs:arn"] if s.Sid == "CloudWatchLogsOfTheseLogGroups"])) == toset([for n in [
      "/aws/vpc/habits-staging/flow-logs", "/aws/rds/cluster/habits-staging/postgresql", "/aws/lambda/habits-staging-api", "/aws/lambda/habits-staging-migrate",
      "/aws/apigateway/habits-staging-http-api", "/aws/codebuild/habits-staging-terraform", "/aws/codebuild/habits-staging-backend",
      "/aws/codebuild/habits-staging-frontend", "aws-waf-logs-habits-staging",
    ] : "arn:aws:logs:us-east-1:111122223333:log-group:${n}"])
    error_message = "The main key's policy names exactly the stack's log groups."
  }
}

# The primary prepares its standby in us-west-2 (production by default, staging when asked): the
# secrets and images replicated there, the site's files too, and the failover switch, whose health
# check decides the API origin's failover record.
run "production_prepares_its_standby" {
  command = plan

  variables {
    environment = "production"
  }

  assert {
    condition = module.backend.replication.region == "us-west-2" && module.backend.replication.ecr_destinations == ["us-west-2"] && values(module.backend.replication.secrets) == [
      [{ region = "us-west-2", kms_key_id = "arn:aws:kms:us-west-2:111122223333:key/00000000-0000-0000-0000-000000000002" }],
      [{ region = "us-west-2", kms_key_id = "arn:aws:kms:us-west-2:111122223333:key/00000000-0000-0000-0000-000000000002" }],
    ]
    error_message = "Images go to us-west-2 by ECR replication; both secrets have a replica there under the DR key."
  }

  assert {
    condition     = output.failover_switch == { alarm_name = "habits-production-failover", region = "us-west-2", health_check_id = "hc-failover-switch" } && aws_route53_health_check.failover_switch[0].type == "CLOUDWATCH_METRIC" && aws_route53_health_check.failover_switch[0].cloudwatch_alarm_region == "us-west-2"
    error_message = "The failover switch is an alarm in the DR region, watched by a Route 53 health check."
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.failover_switch[0].treat_missing_data == "notBreaching" && aws_cloudwatch_metric_alarm.failover_switch[0].threshold == 1
    error_message = "Nothing publishes the switch's metric: it stays OK (primary) until an operator sets missing data to breaching."
  }

  assert {
    condition     = module.backend.origin_record == { name = "api-origin.habits.example.com", role = "PRIMARY", set_identifier = "habits-production-primary", health_check_id = "hc-failover-switch" } && output.origin_domain_name == "api-origin.habits.example.com"
    error_message = "CloudFront's API origin is api-origin, whose primary record follows the failover switch."
  }

  assert {
    condition     = module.frontend[0].site_origins == { target = "site", failover_to = "habits-production-site-replica-111122223333" }
    error_message = "The site's files are served from their replica in us-west-2 when us-east-1 fails."
  }

  assert {
    condition     = length(module.iam) == 1 && module.iam[0].role_name == "habits-production-dr-operator"
    error_message = "The primary creates the operator role, once."
  }

  assert {
    condition     = aws_ecr_repository_creation_template.standby[0].applied_for == toset(["REPLICATION"]) && aws_ecr_repository_creation_template.standby[0].encryption_configuration[0].kms_key == output.kms_key_arns.dr && aws_ecr_repository_creation_template.standby[0].image_tag_mutability == "IMMUTABLE" && aws_iam_role.ecr_template[0].permissions_boundary == output.permissions_boundary_arn
    error_message = "ECR replication creates the standby's repository with the DR key, immutable tags and the boundary-bound role."
  }
}

run "staging_has_no_standby_unless_asked" {
  command = plan

  variables {
    environment = "staging"
  }

  assert {
    condition     = output.failover_switch == null && module.backend.replication.region == null && module.frontend[0].site_origins.failover_to == null && module.backend.origin_record.health_check_id == null
    error_message = "Staging's standby is off by default (its budget): no replicas, no failover switch."
  }
}

run "staging_prepares_a_standby_when_asked" {
  command = plan

  variables {
    environment         = "staging"
    pilot_light_enabled = true
  }

  assert {
    condition     = output.failover_switch.alarm_name == "habits-staging-failover" && module.backend.origin_record.health_check_id == "hc-failover-switch" && module.backend.replication.ecr_destinations == ["us-west-2"] && length(module.backend.replication.secrets.origin) == 1
    error_message = "Staging prepares its standby like production when pilot_light_enabled is set."
  }

  assert {
    condition     = output.pipeline_terraform_variables.pilot_light_enabled == "true"
    error_message = "The terraform pipeline plans with pilot_light_enabled too, so that its next run does not take the drill's standby down."
  }
}

run "pipeline_follows_the_profile_when_pilot_light_enabled_is_unset" {
  command = plan

  variables {
    environment = "staging"
  }

  assert {
    condition     = !contains(keys(output.pipeline_terraform_variables), "pilot_light_enabled")
    error_message = "Without pilot_light_enabled the terraform pipeline gets no value for it (the profile decides)."
  }
}

run "site_may_upload_to_both_regions_transfers_buckets" {
  command = plan

  variables {
    environment = "production"
  }

  assert {
    condition     = strcontains(module.frontend[0].content_security_policy, "connect-src 'self' https://habits-production-transfers-111122223333.s3.us-east-1.amazonaws.com https://habits-production-usw2-transfers-111122223333.s3.us-west-2.amazonaws.com;")
    error_message = "The site's CSP names the primary's transfers bucket and the standby's (-usw2 in us-west-2), so imports keep working after a failover."
  }
}

run "site_names_the_standby_by_its_given_suffix" {
  command = plan

  variables {
    environment                = "staging"
    pilot_light_enabled        = true
    standby_global_name_suffix = "-west"
  }

  assert {
    condition     = strcontains(module.frontend[0].content_security_policy, "https://habits-staging-west-transfers-111122223333.s3.us-west-2.amazonaws.com;")
    error_message = "standby_global_name_suffix names the standby's bucket in the CSP."
  }
}

run "site_without_standby_names_one_bucket" {
  command = plan

  variables {
    environment = "staging"
  }

  assert {
    condition     = strcontains(module.frontend[0].content_security_policy, "connect-src 'self' https://habits-staging-transfers-111122223333.s3.us-east-1.amazonaws.com;")
    error_message = "Without a standby the CSP names the primary's transfers bucket only."
  }
}

run "refuses_another_account" {
  command = plan

  variables {
    environment = "staging"
    account_id  = "444455556666"
  }

  expect_failures = [terraform_data.account]
}

run "rejects_bad_inputs" {
  command = plan

  variables {
    environment        = "qa"
    domain_name        = "Not A Domain"
    global_name_suffix = "_dr"
  }

  expect_failures = [var.environment, var.domain_name, var.global_name_suffix]
}

# A restored cluster (the way back of docs/RUNBOOK_DR.md): a plan limited to the network, the database
# module and the ECR repository may name the restored cluster's identifier only.
run "restored_targets_network_database_and_repository" {
  command = plan

  plan_options {
    target = [module.network, module.database, module.backend.aws_ecr_repository.this]
  }

  variables {
    environment                 = "production"
    dr_region                   = "us-east-1"
    restored_cluster_identifier = "habits-production-dr"
  }

  override_data {
    target = data.aws_region.current
    values = {
      name = "us-west-2"
    }
  }

  assert {
    condition     = output.db_subnet_group_name == "habits-production"
    error_message = "Step 2 must give the DB subnet group for the restore (terraform output -raw db_subnet_group_name)."
  }

  assert {
    condition     = output.database_endpoint == null
    error_message = "Before the restore there is no cluster, hence no endpoint (the database module creates none)."
  }
}

# Everything, pointed at the restored cluster.
run "restored_cluster_is_used_everywhere" {
  command = plan

  variables {
    environment                 = "production"
    dr_region                   = "us-east-1"
    restored_cluster_identifier = "habits-production-dr"
    restored_cluster_endpoint   = "habits-production-dr.cluster-abc123.us-west-2.rds.amazonaws.com"
    restored_cluster_secret_arn = "arn:aws:secretsmanager:us-west-2:111122223333:secret:rds!cluster-dr-XyZ"
  }

  override_data {
    target = module.database.data.aws_region.current
    values = {
      name = "us-west-2"
    }
  }

  assert {
    condition     = module.database.managed_cluster_count == 0
    error_message = "No aws_rds_cluster (nor instance) may be planned when the cluster is restored."
  }

  assert {
    condition = module.backend.database_environment == {
      host       = "habits-production-dr.cluster-abc123.us-west-2.rds.amazonaws.com"
      secret_arn = "arn:aws:secretsmanager:us-west-2:111122223333:secret:rds!cluster-dr-XyZ"
    }
    error_message = "The functions' DATABASE_HOST and the migration function's DATABASE_SECRET_ARN must be the restored cluster's."
  }

  assert {
    condition     = contains(module.backend.readable_secret_arns.migrate, "arn:aws:secretsmanager:us-west-2:111122223333:secret:rds!cluster-dr-XyZ")
    error_message = "The migration role reads the restored cluster's secret."
  }

  assert {
    condition     = one([for s in module.backend.role_policies.api.Statement : s.Resource if s.Sid == "ConnectToTheDatabaseAsTheApplicationRole"]) == ["arn:aws:rds-db:us-east-1:111122223333:dbuser:*/habits_app"]
    error_message = "For a restored cluster (resource ID unknown to Terraform) rds-db:connect names the user only."
  }

  assert {
    condition     = module.database.cluster_arn == "arn:aws:rds:us-west-2:111122223333:cluster:habits-production-dr" && output.database_endpoint == "habits-production-dr.cluster-abc123.us-west-2.rds.amazonaws.com"
    error_message = "The backup selection and the alarms must name the restored cluster, in this account and region."
  }
}

run "dr_full_apply_needs_the_restored_endpoint_and_secret" {
  command = plan

  variables {
    environment                 = "production"
    restored_cluster_identifier = "habits-production-dr"
  }

  expect_failures = [terraform_data.restored_cluster]
}

run "dr_endpoint_must_belong_to_the_restored_cluster" {
  command = plan

  variables {
    environment                 = "production"
    restored_cluster_identifier = "habits-production-dr"
    restored_cluster_endpoint   = "habits-other.cluster-abc123.us-west-2.rds.amazonaws.com"
    restored_cluster_secret_arn = "arn:aws:secretsmanager:us-west-2:111122223333:secret:rds!cluster-dr-XyZ"
  }

  expect_failures = [terraform_data.restored_cluster]
}

run "dr_rejects_bad_restored_inputs" {
  command = plan

  variables {
    environment                 = "production"
    restored_cluster_identifier = "Habits_DR"
  }

  expect_failures = [var.restored_cluster_identifier]
}

run "dr_restored_values_need_the_identifier" {
  command = plan

  variables {
    environment                 = "production"
    restored_cluster_endpoint   = "habits-production-dr.cluster-abc123.us-west-2.rds.amazonaws.com"
    restored_cluster_secret_arn = "arn:aws:secretsmanager:us-west-2:111122223333:secret:rds!cluster-dr-XyZ"
  }

  expect_failures = [var.restored_cluster_endpoint]
}

run "transfer_files_bucket_is_private_encrypted_and_short_lived" {
  command = plan

  variables {
    environment = "production"
  }

  assert {
    condition = alltrue([
      aws_s3_bucket_public_access_block.transfers.block_public_acls,
      aws_s3_bucket_public_access_block.transfers.block_public_policy,
      aws_s3_bucket_public_access_block.transfers.ignore_public_acls,
      aws_s3_bucket_public_access_block.transfers.restrict_public_buckets,
    ]) && one(aws_s3_bucket_ownership_controls.transfers.rule).object_ownership == "BucketOwnerEnforced"
    error_message = "The transfers bucket is private: public access blocked, no ACLs."
  }

  assert {
    condition = one([
      for r in aws_s3_bucket_server_side_encryption_configuration.transfers.rule :
      one(r.apply_server_side_encryption_by_default) if one(r.apply_server_side_encryption_by_default).sse_algorithm == "aws:kms"
    ]).kms_master_key_id == module.key.arn
    error_message = "Transfer files are encrypted with the stack's KMS key."
  }

  assert {
    condition     = one(aws_s3_bucket_lifecycle_configuration.transfers.rule).status == "Enabled" && one(one(aws_s3_bucket_lifecycle_configuration.transfers.rule).expiration).days == 1
    error_message = "Every transfer file expires after a day, whatever happened to its job."
  }

  assert {
    condition     = one([for s in jsondecode(aws_s3_bucket_policy.transfers.policy).Statement : s if s.Sid == "DenyInsecureTransport"]).Condition.Bool["aws:SecureTransport"] == "false"
    error_message = "The bucket refuses requests without TLS."
  }

  assert {
    condition     = one(aws_s3_bucket_cors_configuration.transfers.cors_rule).allowed_origins == toset(["https://habits.example.com"])
    error_message = "Only the site's origin may upload from a browser."
  }

  assert {
    condition     = one([for s in module.backend.role_policies.api.Statement : s.Resource if s.Sid == "KeepTransferFiles"]) == ["arn:aws:s3:::mocked/imports/*", "arn:aws:s3:::mocked/exports/*"] && one([for s in module.backend.role_policies.api.Statement : s.Action if s.Sid == "KeepTransferFiles"]) == ["s3:PutObject", "s3:GetObject", "s3:DeleteObject"]
    error_message = "The API function may put, get and delete objects under imports/ and exports/ of that bucket only."
  }

  assert {
    condition     = one([for s in module.backend.role_policies.api.Statement : s.Resource if s.Sid == "RunImportJobs"]) == ["arn:aws:lambda:us-east-1:111122223333:function:habits-production-api:live"] && module.backend.api_environment["IMPORT_FUNCTION_NAME"] == "habits-production-api:live"
    error_message = "The API function may invoke only its own live alias, the one its import jobs run in."
  }

  assert {
    condition     = aws_vpc_endpoint.s3.vpc_endpoint_type == "Gateway" && length(aws_vpc_endpoint.s3.route_table_ids) == 1
    error_message = "The functions reach S3 through a (free) gateway endpoint on the private route table, not a NAT."
  }

  assert {
    condition     = flatten([for s in jsondecode(aws_vpc_endpoint.s3.policy).Statement : s.Resource]) == ["arn:aws:s3:::mocked/imports/*", "arn:aws:s3:::mocked/exports/*", "arn:aws:s3:::mocked"]
    error_message = "Through the endpoint the VPC reaches the transfers bucket's files and nothing else in S3."
  }
}
