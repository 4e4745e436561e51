mock_provider "aws" {
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

mock_provider "aws" {
  alias = "us_east_1"

  mock_data "aws_region" {
    defaults = {
      name = "us-east-1"
    }
  }
}

mock_provider "aws" {
  alias = "dr"
}

override_resource {
  target          = module.database.aws_rds_cluster.this
  override_during = plan
  values = {
    arn                = "arn:aws:rds:us-east-1:111122223333:cluster:habits-production"
    master_user_secret = [{ secret_arn = "arn:aws:secretsmanager:us-east-1:111122223333:secret:rds!cluster-0000-AbCdEf", kms_key_id = "k", secret_status = "active" }]
  }
}

override_resource {
  target          = module.backend.aws_secretsmanager_secret.this
  override_during = plan
  values = {
    arn = "arn:aws:secretsmanager:us-east-1:111122223333:secret:habits-production/django-secret-key-AbCdEf"
  }
}

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

run "production_is_resilient" {
  command = plan

  assert {
    condition     = length(module.network.nat_gateway_ids) == 2
    error_message = "Production runs one NAT gateway per availability zone."
  }

  assert {
    condition     = module.database.capacity_range == { min = 0.5, max = 8 }
    error_message = "Production Aurora scales from 0.5 up to a higher ceiling of 8 ACUs."
  }

  assert {
    condition     = module.database.deletion_protection
    error_message = "Production Aurora must be protected from deletion."
  }

  assert {
    condition     = module.observability.log_retention_days == 365
    error_message = "Production keeps logs for a year."
  }

  assert {
    condition     = module.network.availability_zones == tolist(["us-east-1a", "us-east-1b"])
    error_message = "The network spans two availability zones of the main region."
  }
}

run "lambda_reads_exactly_the_database_and_django_secrets" {
  command = plan

  assert {
    condition = toset(module.backend.readable_secret_arns) == toset([
      "arn:aws:secretsmanager:us-east-1:111122223333:secret:rds!cluster-0000-AbCdEf",
      "arn:aws:secretsmanager:us-east-1:111122223333:secret:habits-production/django-secret-key-AbCdEf",
    ])
    error_message = "The API role must read the Aurora-managed secret and the Django secret key, and nothing else."
  }

  assert {
    condition     = output.site_url == "https://habits.example.com"
    error_message = "The site is served on its domain over HTTPS."
  }
}

run "rejects_bad_inputs" {
  command = plan

  variables {
    domain_name      = "Not A Domain"
    nat_gateway_mode = "many"
    dr_region        = "us-east-1"
  }

  expect_failures = [var.domain_name, var.nat_gateway_mode, var.dr_region]
}

run "production_pipelines_exist" {
  command = plan

  assert {
    condition     = module.pipeline.pipeline_names == { terraform = "habits-production-terraform", backend = "habits-production-backend", frontend = "habits-production-frontend" }
    error_message = "Production has its three pipelines."
  }

  assert {
    condition     = module.pipeline.stage_names.terraform == ["Source", "Plan", "Approve", "Apply"]
    error_message = "Production applies only after a manual approval."
  }
}
