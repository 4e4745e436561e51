# The plans terraform/tools/stack_plans.py reads (terraform test -json -verbose): each environment's
# primary (with its standby prepared) and its pilot light, with the mocked provider. The tools compare
# their account-wide names (global_names.py) and render the operator role's policy (operator_policy.py).
# The pilot light runs override the region data sources to us-west-2 where names or ARNs use them.
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

run "staging_primary" {
  command = plan

  variables {
    environment         = "staging"
    pilot_light_enabled = true
  }
}

run "staging_pilot_light" {
  command = plan

  variables {
    environment            = "staging"
    deployment             = "pilot_light"
    global_name_suffix     = "-usw2"
    dr_region              = "us-east-1"
    terraform_state_bucket = "example-terraform-state-dr"
  }

  override_data {
    target = data.aws_region.current
    values = {
      name = "us-west-2"
    }
  }
}

run "production_primary" {
  command = plan

  variables {
    environment         = "production"
    pilot_light_enabled = true
  }
}

run "production_pilot_light" {
  command = plan

  variables {
    environment            = "production"
    deployment             = "pilot_light"
    global_name_suffix     = "-usw2"
    dr_region              = "us-east-1"
    terraform_state_bucket = "example-terraform-state-dr"
  }

  override_data {
    target = data.aws_region.current
    values = {
      name = "us-west-2"
    }
  }
}
