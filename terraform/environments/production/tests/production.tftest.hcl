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

# Disaster recovery, docs/RUNBOOK_DR.md step 2: the stack in us-west-2, limited to the network, the
# database module and the ECR repository, with the restored cluster's identifier only.
run "dr_step_2_targets_network_database_and_repository" {
  command = plan

  plan_options {
    target = [module.network, module.database, module.backend.aws_ecr_repository.this]
  }

  variables {
    region                      = "us-west-2"
    dr_region                   = "us-east-1"
    restored_cluster_identifier = "habits-production-dr"
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

# Step 4: everything, pointed at the restored cluster.
run "dr_step_4_uses_the_restored_cluster" {
  command = plan

  variables {
    region                      = "us-west-2"
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
    error_message = "The function's DATABASE_HOST and DATABASE_SECRET_ARN must be the restored cluster's."
  }

  assert {
    condition = toset(module.backend.readable_secret_arns) == toset([
      "arn:aws:secretsmanager:us-west-2:111122223333:secret:rds!cluster-dr-XyZ",
      "arn:aws:secretsmanager:us-east-1:111122223333:secret:habits-production/django-secret-key-AbCdEf",
    ])
    error_message = "The API role must read the restored cluster's secret and the Django secret key, and nothing else."
  }

  assert {
    condition     = module.database.cluster_arn == "arn:aws:rds:us-west-2:111122223333:cluster:habits-production-dr" && output.database_endpoint == "habits-production-dr.cluster-abc123.us-west-2.rds.amazonaws.com"
    error_message = "The backup selection and the alarms must name the restored cluster, in this account and region."
  }
}

run "dr_full_apply_needs_the_restored_endpoint_and_secret" {
  command = plan

  variables {
    region                      = "us-west-2"
    dr_region                   = "us-east-1"
    restored_cluster_identifier = "habits-production-dr"
  }

  expect_failures = [terraform_data.restored_cluster]
}

run "dr_endpoint_must_belong_to_the_restored_cluster" {
  command = plan

  variables {
    restored_cluster_identifier = "habits-production-dr"
    restored_cluster_endpoint   = "habits-other.cluster-abc123.us-west-2.rds.amazonaws.com"
    restored_cluster_secret_arn = "arn:aws:secretsmanager:us-west-2:111122223333:secret:rds!cluster-dr-XyZ"
  }

  expect_failures = [terraform_data.restored_cluster]
}

run "dr_rejects_bad_restored_inputs" {
  command = plan

  variables {
    restored_cluster_identifier = "Habits_DR"
  }

  expect_failures = [var.restored_cluster_identifier]
}

run "dr_rejects_a_secret_that_is_not_a_secret_arn" {
  command = plan

  variables {
    restored_cluster_identifier = "habits-production-dr"
    restored_cluster_endpoint   = "habits-production-dr.cluster-abc123.us-west-2.rds.amazonaws.com"
    restored_cluster_secret_arn = "arn:aws:kms:us-west-2:111122223333:key/0000"
  }

  expect_failures = [var.restored_cluster_secret_arn]
}

run "dr_endpoint_and_secret_go_together" {
  command = plan

  variables {
    restored_cluster_identifier = "habits-production-dr"
    restored_cluster_endpoint   = "habits-production-dr.cluster-abc123.us-west-2.rds.amazonaws.com"
  }

  expect_failures = [var.restored_cluster_secret_arn]
}

run "dr_restored_values_need_the_identifier" {
  command = plan

  variables {
    restored_cluster_endpoint   = "habits-production-dr.cluster-abc123.us-west-2.rds.amazonaws.com"
    restored_cluster_secret_arn = "arn:aws:secretsmanager:us-west-2:111122223333:secret:rds!cluster-dr-XyZ"
  }

  expect_failures = [var.restored_cluster_endpoint]
}

run "dr_restored_secret_needs_the_identifier" {
  command = plan

  variables {
    restored_cluster_secret_arn = "arn:aws:secretsmanager:us-west-2:111122223333:secret:rds!cluster-dr-XyZ"
  }

  expect_failures = [var.restored_cluster_secret_arn]
}
