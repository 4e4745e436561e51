data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  account_id     = data.aws_caller_identity.current.account_id
  partition      = data.aws_partition.current.partition
  region         = data.aws_region.current.name
  log_group_name = "/aws/rds/cluster/${var.name}/postgresql"

  # Disaster recovery: the cluster is restored from a copy outside Terraform (docs/RUNBOOK_DR.md, step 3)
  # and only referenced here; the module then creates no cluster, instances or master user secret.
  restored     = var.restored_cluster_identifier != null
  restored_arn = local.restored ? "arn:${local.partition}:rds:${local.region}:${local.account_id}:cluster:${var.restored_cluster_identifier}" : null
  # Attributes read one by one: the whole resource object carries sensitive attributes.
  cluster_scaling = one(flatten(aws_rds_cluster.this[*].serverlessv2_scaling_configuration))
}

resource "aws_kms_key" "this" {
  description         = "${var.name} Aurora storage, master user secret, Performance Insights and logs"
  enable_key_rotation = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AccountAdministration"
        Effect    = "Allow"
        Principal = { AWS = "arn:${local.partition}:iam::${local.account_id}:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "CloudWatchLogs"
        Effect    = "Allow"
        Principal = { Service = "logs.${local.region}.amazonaws.com" }
        Action    = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]
        Resource  = "*"
        Condition = {
          ArnLike = {
            "kms:EncryptionContext:aws:logs:arn" = "arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:${local.log_group_name}"
          }
        }
      },
    ]
  })

  tags = var.tags
}

resource "aws_db_subnet_group" "this" {
  name       = var.name
  subnet_ids = var.subnet_ids

  tags = var.tags
}

resource "aws_security_group" "this" {
  name        = "${var.name}-aurora"
  description = "Aurora PostgreSQL: port 5432 from the API Lambda security group only"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-aurora" })
}

resource "aws_vpc_security_group_ingress_rule" "this" {
  security_group_id            = aws_security_group.this.id
  description                  = "PostgreSQL from the API Lambda functions"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = var.client_security_group_id
}

resource "aws_rds_cluster_parameter_group" "this" {
  name        = var.name
  family      = "aurora-postgresql16"
  description = "${var.name}: statement logging and TLS-only connections"

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }

  parameter {
    name  = "log_statement"
    value = "ddl"
  }

  parameter {
    name  = "log_min_duration_statement"
    value = "1000"
  }

  tags = var.tags
}

# Created before the cluster so that retention and encryption apply from the first log line.
resource "aws_cloudwatch_log_group" "this" {
  #checkov:skip=CKV_AWS_338:PostgreSQL logs serve troubleshooting; retention is a per-environment variable (a year in production would mostly store noise).
  name              = local.log_group_name
  retention_in_days = var.log_retention_days
  kms_key_id        = aws_kms_key.this.arn

  tags = var.tags
}

resource "aws_rds_cluster" "this" {
  #checkov:skip=CKV2_AWS_8:The AWS Backup plan (hourly and daily, copied to the DR region) selects this cluster in the backup module.
  count = local.restored ? 0 : 1

  cluster_identifier = var.name
  engine             = "aurora-postgresql"
  engine_mode        = "provisioned"
  engine_version     = var.engine_version
  database_name      = var.database_name
  port               = 5432

  master_username               = var.master_username
  manage_master_user_password   = true
  master_user_secret_kms_key_id = aws_kms_key.this.arn

  serverlessv2_scaling_configuration {
    min_capacity = var.min_capacity
    max_capacity = var.max_capacity
  }

  db_subnet_group_name            = aws_db_subnet_group.this.name
  vpc_security_group_ids          = [aws_security_group.this.id]
  db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.this.name

  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.this.arn
  iam_database_authentication_enabled = true

  backup_retention_period      = var.backup_retention_days
  preferred_backup_window      = "03:00-04:00"
  preferred_maintenance_window = "sun:04:30-sun:05:30"
  copy_tags_to_snapshot        = true
  deletion_protection          = var.deletion_protection
  skip_final_snapshot          = !var.deletion_protection
  final_snapshot_identifier    = "${var.name}-final"

  enabled_cloudwatch_logs_exports = ["postgresql"]

  tags = var.tags

  depends_on = [aws_cloudwatch_log_group.this]
}

resource "aws_iam_role" "this" {
  name = "${var.name}-rds-monitoring"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "monitoring.rds.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })

  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "this" {
  role       = aws_iam_role.this.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"
}

# Writer first, reader second, one per availability zone; the reader takes over on failover.
resource "aws_rds_cluster_instance" "this" {
  count = local.restored ? 0 : 2

  identifier         = "${var.name}-${count.index == 0 ? "writer" : "reader"}"
  cluster_identifier = aws_rds_cluster.this[0].id
  engine             = aws_rds_cluster.this[0].engine
  engine_version     = aws_rds_cluster.this[0].engine_version
  instance_class     = "db.serverless"
  availability_zone  = var.availability_zones[count.index]
  promotion_tier     = count.index

  db_subnet_group_name       = aws_db_subnet_group.this.name
  publicly_accessible        = false
  auto_minor_version_upgrade = true

  performance_insights_enabled          = true
  performance_insights_kms_key_id       = aws_kms_key.this.arn
  performance_insights_retention_period = 7
  monitoring_interval                   = 60
  monitoring_role_arn                   = aws_iam_role.this.arn

  tags = var.tags
}

# The cluster gained a count for the disaster-recovery path: existing state moves, nothing is replaced.
moved {
  from = aws_rds_cluster.this
  to   = aws_rds_cluster.this[0]
}
