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
  global_name              = "habits-test"
  kms_key_arn              = "arn:aws:kms:us-east-1:111122223333:key/00000000-0000-0000-0000-000000000001"
  permissions_boundary_arn = "arn:aws:iam::111122223333:policy/habits-test-boundary"
  vpc_id                   = "vpc-0123456789abcdef0"
  subnet_ids               = ["subnet-0000000000000000a", "subnet-0000000000000000b"]
  availability_zones       = ["us-east-1a", "us-east-1b"]
  client_security_group_id = "sg-0000000000000lambda"
}

run "serverless_v2_encrypted_and_backed_up" {
  command = plan

  assert {
    condition     = aws_rds_cluster.this[0].engine == "aurora-postgresql" && startswith(aws_rds_cluster.this[0].engine_version, "16.")
    error_message = "The cluster must run Aurora PostgreSQL 16."
  }

  assert {
    condition     = aws_rds_cluster.this[0].engine_mode == "provisioned" && alltrue([for i in aws_rds_cluster_instance.this : i.instance_class == "db.serverless"])
    error_message = "Every instance must be Serverless v2 (db.serverless)."
  }

  assert {
    condition     = aws_rds_cluster.this[0].serverlessv2_scaling_configuration[0].min_capacity == 0.5 && aws_rds_cluster.this[0].serverlessv2_scaling_configuration[0].max_capacity == 4
    error_message = "Serverless v2 capacity must range from 0.5 to 4 ACUs."
  }

  assert {
    condition     = aws_rds_cluster.this[0].storage_encrypted && aws_rds_cluster.this[0].manage_master_user_password
    error_message = "Storage must be encrypted with KMS and the master password managed in Secrets Manager."
  }

  assert {
    condition     = aws_rds_cluster.this[0].backup_retention_period == 7 && aws_rds_cluster.this[0].deletion_protection
    error_message = "Seven days of backups and deletion protection are the defaults."
  }

  assert {
    condition     = aws_rds_cluster.this[0].enabled_cloudwatch_logs_exports == toset(["postgresql"])
    error_message = "The PostgreSQL log must be exported to CloudWatch Logs."
  }

  assert {
    condition     = length(aws_rds_cluster_instance.this) == 1 && aws_rds_cluster_instance.this[0].identifier == "habits-test-writer"
    error_message = "By default the cluster has its writer only."
  }

  assert {
    condition     = aws_rds_cluster.this[0].iam_database_authentication_enabled
    error_message = "IAM database authentication must be on (the application connects with tokens)."
  }

  assert {
    condition     = aws_rds_cluster.this[0].kms_key_id == var.kms_key_arn && aws_rds_cluster.this[0].master_user_secret_kms_key_id == var.kms_key_arn && aws_cloudwatch_log_group.this.kms_key_id == var.kms_key_arn
    error_message = "Storage, the master user secret and the log group must be encrypted with the given key."
  }

  assert {
    condition     = aws_rds_cluster_instance.this[0].monitoring_interval == 60 && aws_rds_cluster_instance.this[0].performance_insights_enabled && aws_iam_role.this[0].permissions_boundary == var.permissions_boundary_arn
    error_message = "Enhanced monitoring is on by default, through a role with the permissions boundary."
  }

  assert {
    condition     = alltrue([for i in aws_rds_cluster_instance.this : !i.publicly_accessible])
    error_message = "No database instance may be publicly accessible."
  }
}

run "a_reader_in_the_other_zone_on_request" {
  command = plan

  variables {
    instance_count = 2
  }

  assert {
    condition     = length(aws_rds_cluster_instance.this) == 2 && aws_rds_cluster_instance.this[0].availability_zone != aws_rds_cluster_instance.this[1].availability_zone && aws_rds_cluster_instance.this[1].promotion_tier == 1
    error_message = "A reader, when asked for, runs in the other zone and is the failover target."
  }
}

run "pauses_at_zero_acus_without_monitoring" {
  command = plan

  variables {
    min_capacity        = 0
    enhanced_monitoring = false
  }

  assert {
    condition     = aws_rds_cluster.this[0].serverlessv2_scaling_configuration[0].min_capacity == 0 && aws_rds_cluster.this[0].serverlessv2_scaling_configuration[0].seconds_until_auto_pause == 300
    error_message = "At 0 ACUs the instance must pause after 5 idle minutes."
  }

  assert {
    condition     = aws_rds_cluster_instance.this[0].monitoring_interval == 0 && !aws_rds_cluster_instance.this[0].performance_insights_enabled && length(aws_iam_role.this) == 0
    error_message = "Without enhanced monitoring there is no monitoring role and no Performance Insights."
  }
}

run "parameters_keep_queries_bounded_and_sessions_short" {
  command = plan

  assert {
    condition     = { for p in aws_rds_cluster_parameter_group.this.parameter : p.name => p.value if contains(["jit", "rds.force_ssl", "idle_session_timeout", "client_connection_check_interval"], p.name) } == { "jit" = "0", "rds.force_ssl" = "1", "idle_session_timeout" = "60000", "client_connection_check_interval" = "5000" }
    error_message = "JIT off, TLS required, idle sessions closed after a minute, vanished clients detected within 5 s."
  }

  assert {
    condition     = aws_rds_cluster_parameter_group.this.family == "aurora-postgresql16"
    error_message = "The parameter group pins the major version, 16."
  }
}

run "only_lambda_reaches_postgres" {
  command = plan

  assert {
    condition     = aws_vpc_security_group_ingress_rule.this.referenced_security_group_id == "sg-0000000000000lambda" && aws_vpc_security_group_ingress_rule.this.from_port == 5432 && aws_vpc_security_group_ingress_rule.this.to_port == 5432 && aws_vpc_security_group_ingress_rule.this.cidr_ipv4 == null
    error_message = "PostgreSQL must be reachable on 5432 from the Lambda security group only."
  }
}

run "deletion_protection_off_takes_no_final_snapshot" {
  command = plan

  variables {
    deletion_protection = false
  }

  assert {
    condition     = !aws_rds_cluster.this[0].deletion_protection && aws_rds_cluster.this[0].skip_final_snapshot
    error_message = "Without deletion protection (staging) the cluster can be torn down."
  }
}

run "rejects_capacity_out_of_range" {
  command = plan

  variables {
    min_capacity             = 0.25
    max_capacity             = 64
    seconds_until_auto_pause = 60
    instance_count           = 3
  }

  expect_failures = [var.min_capacity, var.max_capacity, var.seconds_until_auto_pause, var.instance_count]
}

run "rejects_other_major_version" {
  command = plan

  variables {
    engine_version = "15.4"
  }

  expect_failures = [var.engine_version]
}

# Disaster recovery (docs/RUNBOOK_DR.md, steps 2 and 4): the cluster is restored outside Terraform.
run "restored_cluster_is_referenced_not_created" {
  command = plan

  variables {
    restored_cluster_identifier = "habits-test-dr"
    restored_cluster_endpoint   = "habits-test-dr.cluster-abc.us-east-1.rds.amazonaws.com"
    restored_cluster_secret_arn = "arn:aws:secretsmanager:us-east-1:111122223333:secret:rds!cluster-dr-AbCdEf"
  }

  assert {
    condition     = length(aws_rds_cluster.this) == 0 && length(aws_rds_cluster_instance.this) == 0
    error_message = "With a restored cluster the module must create no cluster and no instance (hence no master user secret)."
  }

  assert {
    condition     = aws_db_subnet_group.this.name == "habits-test" && output.subnet_group_name == "habits-test" && aws_security_group.this.name == "habits-test-aurora"
    error_message = "The subnet group and the security group the restore needs are still created."
  }

  assert {
    condition     = aws_vpc_security_group_ingress_rule.this.referenced_security_group_id == "sg-0000000000000lambda"
    error_message = "The Lambda functions must still reach the restored cluster on 5432."
  }

  assert {
    condition     = output.endpoint == "habits-test-dr.cluster-abc.us-east-1.rds.amazonaws.com" && output.master_user_secret_arn == "arn:aws:secretsmanager:us-east-1:111122223333:secret:rds!cluster-dr-AbCdEf"
    error_message = "Endpoint and secret must be the restored cluster's."
  }

  assert {
    condition     = output.cluster_id == "habits-test-dr" && output.cluster_arn == "arn:aws:rds:us-east-1:111122223333:cluster:habits-test-dr"
    error_message = "The cluster id (alarms) and ARN (backup selection) must name the restored cluster, in this account and region."
  }

  assert {
    condition     = output.restored && output.capacity_range == null && output.reader_endpoint == null
    error_message = "Nothing may pretend to describe a cluster this module does not manage."
  }
}

# Step 2 of the runbook: only the identifier, before the restore exists.
run "restored_identifier_alone_creates_the_network_side" {
  command = plan

  variables {
    restored_cluster_identifier = "habits-test-dr"
  }

  assert {
    condition     = length(aws_rds_cluster.this) == 0 && output.subnet_group_name == "habits-test" && aws_security_group.this.name == "habits-test-aurora"
    error_message = "Before the restore the module creates the subnet group and security group only."
  }
}

run "rejects_bad_restored_identifier" {
  command = plan

  variables {
    restored_cluster_identifier = "Habits_DR"
  }

  expect_failures = [var.restored_cluster_identifier]
}

run "rejects_a_restored_secret_that_is_not_a_secret_arn" {
  command = plan

  variables {
    restored_cluster_identifier = "habits-test-dr"
    restored_cluster_endpoint   = "habits-test-dr.cluster-abc.us-east-1.rds.amazonaws.com"
    restored_cluster_secret_arn = "arn:aws:kms:us-east-1:111122223333:key/0000"
  }

  expect_failures = [var.restored_cluster_secret_arn]
}

run "rejects_restored_values_without_identifier" {
  command = plan

  variables {
    restored_cluster_endpoint   = "habits-test-dr.cluster-abc.us-east-1.rds.amazonaws.com"
    restored_cluster_secret_arn = "arn:aws:secretsmanager:us-east-1:111122223333:secret:rds!cluster-dr-AbCdEf"
  }

  expect_failures = [var.restored_cluster_endpoint, var.restored_cluster_secret_arn]
}
