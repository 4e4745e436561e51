data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  cache_arn = format("arn:%s:elasticache:%s:%s:serverlesscache:%s",
  data.aws_partition.current.partition, data.aws_region.current.name, data.aws_caller_identity.current.account_id, var.name)

  # IAM-authenticated ElastiCache users have the same user ID and user name.
  app_user_id = "${var.name}-app"
  app_user_arn = format("arn:%s:elasticache:%s:%s:user:%s",
  data.aws_partition.current.partition, data.aws_region.current.name, data.aws_caller_identity.current.account_id, local.app_user_id)
}

resource "aws_security_group" "this" {
  name        = "${var.name}-cache"
  description = "ElastiCache Serverless Valkey: ports 6379-6380 from the Lambda security group only"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-cache" })
}

resource "aws_vpc_security_group_ingress_rule" "this" {
  security_group_id            = aws_security_group.this.id
  description                  = "Valkey (TLS) from the Lambda functions: 6379 primary, 6380 reads from replicas"
  ip_protocol                  = "tcp"
  from_port                    = 6379
  to_port                      = 6380
  referenced_security_group_id = var.client_security_group_id
}

# The application's user: no password, it authenticates with an IAM token (SigV4, signed locally by
# the function's role, elasticache:Connect on this user and cache).
resource "aws_elasticache_user" "app" {
  user_id       = local.app_user_id
  user_name     = local.app_user_id
  engine        = "valkey"
  access_string = "on ~* +@all -@dangerous"

  authentication_mode {
    type = "iam"
  }

  tags = var.tags
}

# A user group needs a user named "default"; this one is switched off and may run nothing.
resource "aws_elasticache_user" "default" {
  #checkov:skip=CKV_AWS_31:The disabled default user ("off -@all") cannot sign in; the application's user authenticates with IAM.
  user_id       = "${var.name}-default"
  user_name     = "default"
  engine        = "valkey"
  access_string = "off -@all"

  authentication_mode {
    type = "no-password-required"
  }

  tags = var.tags
}

resource "aws_elasticache_user_group" "this" {
  user_group_id = var.name
  engine        = "valkey"
  user_ids      = [aws_elasticache_user.default.user_id, aws_elasticache_user.app.user_id]

  tags = var.tags
}

# Serverless caches always require TLS. Valkey is metered from 100 MB of data (Redis OSS from 1 GB).
# A standby creates none until the day of a failover (ops.dr cache creates it with these settings, in
# this security group and for this user group): the cache is the one part of the pilot light billed by
# the hour even when idle.
resource "aws_elasticache_serverless_cache" "this" {
  count = var.cache_enabled ? 1 : 0

  name                 = var.name
  engine               = "valkey"
  major_engine_version = var.major_engine_version
  description          = "${var.name} sessions and Django cache"
  user_group_id        = aws_elasticache_user_group.this.user_group_id

  cache_usage_limits {
    data_storage {
      maximum = var.data_storage_max_gb
      unit    = "GB"
    }

    ecpu_per_second {
      maximum = var.ecpu_per_second_max
    }
  }

  kms_key_id               = var.kms_key_arn
  security_group_ids       = [aws_security_group.this.id]
  subnet_ids               = var.subnet_ids
  snapshot_retention_limit = var.snapshot_retention_days
  daily_snapshot_time      = "05:00"

  tags = var.tags
}

# The cache gained a count (a standby creates it on the day).
moved {
  from = aws_elasticache_serverless_cache.this
  to   = aws_elasticache_serverless_cache.this[0]
}
