# Run by `make tf-moved-check`, from a scratch copy: an environment applied from the configuration at
# TF_MOVED_BASE (two per-environment copies of the composition, a key per module) must keep its
# resources when planned from the current one. A replaced resource would have unknown attributes in
# the plan, so each assertion fails unless the resource kept its state.
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

  mock_data "aws_availability_zones" {
    defaults = {
      names = ["us-east-1a", "us-east-1b"]
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

  mock_resource "aws_cloudwatch_event_rule" {
    defaults = {
      arn = "arn:aws:events:us-east-1:111122223333:rule/mocked"
    }
  }

  mock_resource "aws_cloudfront_function" {
    defaults = {
      arn = "arn:aws:cloudfront::111122223333:function/mocked"
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
}

mock_provider "aws" {
  alias = "us_east_1"

  mock_data "aws_region" {
    defaults = {
      name = "us-east-1"
    }
  }

  mock_resource "aws_kms_key" {
    defaults = {
      arn = "arn:aws:kms:us-east-1:111122223333:key/00000000-0000-0000-0000-000000000003"
    }
  }

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
  alias = "dr"

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
}


run "old" {
  command = apply

  module {
    source = "../../../old/terraform/environments/staging"
  }

  state_key = "staging"

  variables {
    domain_name             = "habits.example.com"
    hosted_zone_id          = "Z0123456789EXAMPLE"
    alarm_email             = "ops@example.com"
    image_tag               = "0123abc"
    operator_principal_arns = ["arn:aws:iam::111122223333:role/operators"]
    repository_id           = "example/habit-tracker"
    terraform_state_bucket  = "example-terraform-state"
    terraform_lock_table    = "terraform-locks"
  }
}

run "new" {
  command   = plan
  state_key = "staging"

  variables {
    environment             = "staging"
    account_id              = "111122223333"
    domain_name             = "habits.example.com"
    hosted_zone_id          = "Z0123456789EXAMPLE"
    alarm_email             = "ops@example.com"
    image_tag               = "0123abc"
    operator_principal_arns = ["arn:aws:iam::111122223333:role/operators"]
    repository_id           = "example/habit-tracker"
    terraform_state_bucket  = "example-terraform-state"
  }

  assert {
    condition     = output.database_endpoint == run.old.database_endpoint && output.db_subnet_group_name == run.old.db_subnet_group_name
    error_message = "The Aurora cluster must keep its state (not be replaced)."
  }

  assert {
    condition     = output.ecr_repository_url == run.old.ecr_repository_url && output.function_name == run.old.function_name
    error_message = "The repository and the function must keep their state."
  }

  assert {
    condition     = output.distribution_id == run.old.distribution_id && output.site_bucket_name == run.old.site_bucket_name
    error_message = "The distribution and the site bucket must keep their state."
  }

  assert {
    condition     = output.dr_vault_name == run.old.dr_vault_name && output.source_connection_arn == run.old.source_connection_arn && output.pipeline_names == run.old.pipeline_names
    error_message = "The DR vault, the connection and the pipelines must keep their state."
  }

  assert {
    condition     = output.django_secret_key_secret_arn == run.old.django_secret_key_secret_arn
    error_message = "The Django secret must keep its state."
  }
}
