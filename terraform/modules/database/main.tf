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

  # At 0 ACUs the instances pause after seconds_until_auto_pause without user connections.
  auto_pause = var.min_capacity == 0
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
  description = "${var.name}: TLS-only connections, no JIT, idle sessions closed, statement logging"

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

  # JIT compilation once made a large UPDATE run for minutes past its statement_timeout; the queries
  # here are small and planned well without it.
  parameter {
    name  = "jit"
    value = "0"
  }

  # Connections left open by frozen Lambda execution environments would keep an idle instance from
  # pausing: the server closes sessions idle (not in a transaction) for this long (ms).
  parameter {
    name  = "idle_session_timeout"
    value = tostring(var.idle_session_timeout_ms)
  }

  # A query whose client went away (a timed-out function) is cancelled within this many ms.
  parameter {
    name  = "client_connection_check_interval"
    value = tostring(var.client_connection_check_interval_ms)
  }

  tags = var.tags
}

# Created before the cluster so that retention and encryption apply from the first log line.
resource "aws_cloudwatch_log_group" "this" {
  #checkov:skip=CKV_AWS_338:PostgreSQL logs serve troubleshooting; retention is a per-environment variable (a year in production would mostly store noise).
  name              = local.log_group_name
  retention_in_days = var.log_retention_days
  kms_key_id        = var.kms_key_arn

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
  master_user_secret_kms_key_id = var.kms_key_arn

  serverlessv2_scaling_configuration {
    min_capacity             = var.min_capacity
    max_capacity             = var.max_capacity
    seconds_until_auto_pause = local.auto_pause ? var.seconds_until_auto_pause : null
  }

  db_subnet_group_name            = aws_db_subnet_group.this.name
  vpc_security_group_ids          = [aws_security_group.this.id]
  db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.this.name

  storage_encrypted                   = true
  kms_key_id                          = var.kms_key_arn
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

  lifecycle {
    # Minor versions are upgraded by AWS (auto_minor_version_upgrade); engine_version only chooses the
    # version a new cluster starts with, and the major version stays pinned by the parameter group
    # family. A major upgrade is a deliberate change (docs/DEPLOY.md), not drift to revert.
    ignore_changes = [engine_version]
  }
}

resource "aws_iam_role" "this" {
  count = var.enhanced_monitoring ? 1 : 0

  name                 = "${var.global_name}-rds-monitoring"
  permissions_boundary = var.permissions_boundary_arn
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "monitoring.rds.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = {
        StringEquals = { "aws:SourceAccount" = local.account_id }
      }
    }]
  })

  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "this" {
  count = var.enhanced_monitoring ? 1 : 0

  role       = aws_iam_role.this[0].name
  policy_arn = "arn:${local.partition}:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"
}

# The writer, then (instance_count = 2) a reader in the other zone that takes over on failover. With
# the writer alone, Aurora replaces a failed instance itself; the data is stored across three zones
# either way.
resource "aws_rds_cluster_instance" "this" {
  #checkov:skip=CKV_AWS_118:Enhanced monitoring is a variable: on in production, off in staging, whose instance pauses at 0 ACUs and gains nothing from per-minute OS metrics of a paused instance (they also cost log ingestion).
  count = local.restored ? 0 : var.instance_count

  identifier         = "${var.name}-${count.index == 0 ? "writer" : "reader"}"
  cluster_identifier = aws_rds_cluster.this[0].id
  engine             = aws_rds_cluster.this[0].engine
  instance_class     = "db.serverless"
  availability_zone  = var.availability_zones[count.index]
  promotion_tier     = count.index

  db_subnet_group_name       = aws_db_subnet_group.this.name
  publicly_accessible        = false
  auto_minor_version_upgrade = true

  # Per-second OS metrics and query insight cost money and activity; they are a variable so that an
  # environment that pauses at 0 ACUs can go without them.
  performance_insights_enabled          = var.enhanced_monitoring
  performance_insights_kms_key_id       = var.enhanced_monitoring ? var.kms_key_arn : null
  performance_insights_retention_period = var.enhanced_monitoring ? 7 : null
  monitoring_interval                   = var.enhanced_monitoring ? 60 : 0
  monitoring_role_arn                   = var.enhanced_monitoring ? aws_iam_role.this[0].arn : null

  tags = var.tags
}

# The cluster gained a count for the disaster-recovery path: existing state moves, nothing is replaced.
moved {
  from = aws_rds_cluster.this
  to   = aws_rds_cluster.this[0]
}

# Enhanced monitoring became optional.
moved {
  from = aws_iam_role.this
  to   = aws_iam_role.this[0]
}

moved {
  from = aws_iam_role_policy_attachment.this
  to   = aws_iam_role_policy_attachment.this[0]
}
