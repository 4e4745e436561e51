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
    condition     = length(aws_rds_cluster_instance.this) == 2 && aws_rds_cluster_instance.this[0].availability_zone != aws_rds_cluster_instance.this[1].availability_zone
    error_message = "A writer and a reader must run in different availability zones."
  }

  assert {
    condition     = alltrue([for i in aws_rds_cluster_instance.this : !i.publicly_accessible])
    error_message = "No database instance may be publicly accessible."
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
    min_capacity = 0.25
    max_capacity = 64
  }

  expect_failures = [var.min_capacity, var.max_capacity]
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
