# The pilot light: the same composition applied in us-west-2 as each environment's standby, with
# deployment = "pilot_light", its own state and a suffix on the account-wide names.
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
      name = "us-west-2"
    }
  }

  mock_data "aws_secretsmanager_secret" {
    defaults = {
      arn        = "arn:aws:secretsmanager:us-west-2:111122223333:secret:replica-AbCdEf"
      kms_key_id = "arn:aws:kms:us-west-2:111122223333:key/00000000-0000-0000-0000-000000000002"
    }
  }

  mock_data "aws_ecr_repository" {
    defaults = {
      arn                      = "arn:aws:ecr:us-west-2:111122223333:repository/replica"
      repository_url           = "111122223333.dkr.ecr.us-west-2.amazonaws.com/replica"
      encryption_configuration = [{ encryption_type = "KMS", kms_key = "arn:aws:kms:us-west-2:111122223333:key/00000000-0000-0000-0000-000000000002" }]
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
      arn = "arn:aws:logs:us-west-2:111122223333:log-group:mocked"
    }
  }

  mock_resource "aws_kms_key" {
    defaults = {
      arn = "arn:aws:kms:us-west-2:111122223333:key/00000000-0000-0000-0000-000000000001"
    }
  }

  mock_resource "aws_lambda_function" {
    defaults = {
      arn     = "arn:aws:lambda:us-west-2:111122223333:function:mocked"
      version = "1"
    }
  }

  mock_resource "aws_lambda_alias" {
    defaults = {
      arn        = "arn:aws:lambda:us-west-2:111122223333:function:mocked:live"
      invoke_arn = "arn:aws:apigateway:us-west-2:lambda:path/2015-03-31/functions/arn:aws:lambda:us-west-2:111122223333:function:mocked:live/invocations"
    }
  }

  mock_resource "aws_apigatewayv2_api" {
    defaults = {
      api_endpoint  = "https://def456.execute-api.us-west-2.amazonaws.com"
      execution_arn = "arn:aws:execute-api:us-west-2:111122223333:abc123"
    }
  }

  mock_resource "aws_sns_topic" {
    defaults = {
      arn = "arn:aws:sns:us-west-2:111122223333:mocked"
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
      arn = "arn:aws:codestar-connections:us-west-2:111122223333:connection/0000-1111"
    }
  }

  mock_resource "aws_elasticache_serverless_cache" {
    defaults = {
      arn      = "arn:aws:elasticache:us-west-2:111122223333:serverlesscache:mocked"
      endpoint = [{ address = "mocked.serverless.use1.cache.amazonaws.com", port = 6379 }]
    }
  }

  mock_resource "aws_rds_cluster" {
    defaults = {
      arn                 = "arn:aws:rds:us-west-2:111122223333:cluster:mocked"
      cluster_resource_id = "cluster-ABCDEFGHIJKLMNOP"
      master_user_secret  = [{ secret_arn = "arn:aws:secretsmanager:us-west-2:111122223333:secret:rds!cluster-0000-AbCdEf", kms_key_id = "k", secret_status = "active" }]
    }
  }

  mock_resource "aws_secretsmanager_secret" {
    defaults = {
      arn = "arn:aws:secretsmanager:us-west-2:111122223333:secret:mocked-AbCdEf"
    }
  }

  mock_resource "aws_backup_vault" {
    defaults = {
      arn = "arn:aws:backup:us-west-2:111122223333:backup-vault:mocked"
    }
  }

  mock_resource "aws_ecr_repository" {
    defaults = {
      arn                      = "arn:aws:ecr:us-west-2:111122223333:repository/mocked"
      repository_url           = "111122223333.dkr.ecr.us-west-2.amazonaws.com/mocked"
      encryption_configuration = [{ encryption_type = "KMS", kms_key = "arn:aws:kms:us-west-2:111122223333:key/00000000-0000-0000-0000-000000000001" }]
    }
  }

  mock_resource "aws_wafv2_web_acl" {
    defaults = {
      arn = "arn:aws:wafv2:us-west-2:111122223333:global/webacl/mocked/abcd"
    }
  }

  mock_resource "aws_acm_certificate_validation" {
    defaults = {
      certificate_arn = "arn:aws:acm:us-west-2:111122223333:certificate/mocked"
    }
  }

  mock_resource "aws_acm_certificate" {
    defaults = {
      arn                       = "arn:aws:acm:us-west-2:111122223333:certificate/origin"
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
      arn = "arn:aws:wafv2:us-west-2:111122223333:global/webacl/mocked/abcd"
    }
  }

  mock_resource "aws_acm_certificate" {
    defaults = {
      arn                       = "arn:aws:acm:us-west-2:111122223333:certificate/mocked"
      domain_validation_options = [{ domain_name = "habits.example.com", resource_record_name = "_x.habits.example.com.", resource_record_type = "CNAME", resource_record_value = "_y.acm-validations.aws." }]
    }
  }

  mock_resource "aws_acm_certificate_validation" {
    defaults = {
      certificate_arn = "arn:aws:acm:us-west-2:111122223333:certificate/mocked"
    }
  }

  mock_resource "aws_cloudwatch_log_group" {
    defaults = {
      arn = "arn:aws:logs:us-west-2:111122223333:log-group:mocked"
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
  deployment              = "pilot_light"
  global_name_suffix      = "-usw2"
  dr_region               = "us-east-1"
  account_id              = "111122223333"
  domain_name             = "habits.example.com"
  hosted_zone_id          = "Z0123456789EXAMPLE"
  alarm_email             = "ops@example.com"
  image_tag               = "0123abc"
  operator_principal_arns = ["arn:aws:iam::111122223333:role/operators"]
  repository_id           = "example/habit-tracker"
  terraform_state_bucket  = "example-terraform-state-dr"
}

run "production_pilot_light_waits_in_us_west_2" {
  command = plan

  variables {
    environment = "production"
  }

  assert {
    condition     = length(module.frontend) == 0 && length(module.backup) == 0 && length(module.iam) == 0 && length(module.dr_key) == 0 && length(module.edge_key) == 0
    error_message = "No distribution, WAF, certificate for CloudFront, backup plan, operator role or key in another region: the primary made them once."
  }

  assert {
    condition     = !module.cache.created && module.database.managed_cluster_count == 0 && output.database_endpoint == null && output.db_subnet_group_name == "habits-production"
    error_message = "Idle, the pilot light has the cache's and the database's network parts, but no cache and no cluster (ops.dr restore and cache make them)."
  }

  assert {
    condition     = length(module.observability.alarm_names) == 0 && module.observability.dashboard_name == null && !contains(keys(module.backend.api_environment), "WARMUP")
    error_message = "No alarms, dashboard or warm-up while there is nothing to watch or warm."
  }

  assert {
    condition     = module.backend.api_environment["ORIGIN_SECRET_ARN"] == "arn:aws:secretsmanager:us-west-2:111122223333:secret:replica-AbCdEf" && module.backend.api_environment["DATABASE_HOST"] == "" && module.backend.migrate_environment["DATABASE_SECRET_ARN"] == ""
    error_message = "The functions read the primary's replicated secrets and wait for ops.dr point."
  }

  assert {
    condition     = [module.backend.origin_record.name, module.backend.origin_record.role, module.backend.origin_record.set_identifier] == ["api-origin.habits.example.com", "SECONDARY", "habits-production-secondary"] && module.backend.origin_record.health_check_id == null
    error_message = "The pilot light holds the secondary half of the API origin's failover record."
  }

  assert {
    condition     = module.backend.role_names == { api = "habits-production-usw2-api-lambda", migrate = "habits-production-usw2-migrate-lambda" } && module.pipeline.role_names == { terraform = "habits-production-usw2-codebuild-terraform", codepipeline = "habits-production-usw2-codepipeline" } && aws_iam_policy.permissions_boundary.name == "habits-production-usw2-permissions-boundary"
    error_message = "The pilot light's roles and policy are its own, named apart from the primary's."
  }

  assert {
    condition     = output.terraform_state_key == "habits/production-dr/terraform.tfstate" && output.pipeline_names == { terraform = "habits-production-terraform" } && one([for s in module.pipeline.terraform_build_policy.Statement : s.Resource if s.Sid == "TerraformStateAndLockFile"]) == ["arn:aws:s3:::example-terraform-state-dr/habits/production-dr/terraform.tfstate", "arn:aws:s3:::example-terraform-state-dr/habits/production-dr/terraform.tfstate.tflock"]
    error_message = "Its state and its terraform pipeline are its own, in us-west-2."
  }

  assert {
    condition     = output.kms_key_arns.main == "arn:aws:kms:us-west-2:111122223333:key/00000000-0000-0000-0000-000000000001" && output.failover_switch == null
    error_message = "One key of its own in us-west-2; the failover switch is the primary's."
  }
}

run "staging_pilot_light_waits_in_us_west_2" {
  command = plan

  variables {
    environment = "staging"
  }

  assert {
    condition     = length(module.frontend) == 0 && !module.cache.created && module.database.managed_cluster_count == 0 && module.backend.origin_record.role == "SECONDARY"
    error_message = "Staging's pilot light is the same standby."
  }

  assert {
    condition     = module.backend.role_names.api == "habits-staging-usw2-api-lambda" && output.terraform_state_key == "habits/staging-dr/terraform.tfstate"
    error_message = "Staging's pilot light names its roles and state apart too."
  }
}

run "pilot_light_needs_a_global_name_suffix" {
  command = plan

  variables {
    environment        = "production"
    global_name_suffix = ""
  }

  expect_failures = [terraform_data.account]
}

run "pilot_light_warns_when_the_primary_cannot_know_its_suffix" {
  command = plan

  variables {
    environment        = "production"
    global_name_suffix = "-dr2"
  }

  expect_failures = [check.standby_suffix_known_to_the_primary]
}
