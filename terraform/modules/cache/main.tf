data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

resource "aws_kms_key" "this" {
  description         = "${var.name} ElastiCache data, snapshots and the Redis URL parameter"
  enable_key_rotation = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AccountAdministration"
      Effect    = "Allow"
      Principal = { AWS = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })

  tags = var.tags
}

resource "aws_security_group" "this" {
  name        = "${var.name}-redis"
  description = "ElastiCache Redis: port 6379 from the API Lambda security group only"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-redis" })
}

resource "aws_vpc_security_group_ingress_rule" "this" {
  security_group_id            = aws_security_group.this.id
  description                  = "Redis (TLS) from the API Lambda functions"
  ip_protocol                  = "tcp"
  from_port                    = 6379
  to_port                      = 6379
  referenced_security_group_id = var.client_security_group_id
}

# Serverless caches always require TLS; clients connect with rediss://.
resource "aws_elasticache_serverless_cache" "this" {
  name                 = var.name
  engine               = "redis"
  major_engine_version = "7"
  description          = "${var.name} sessions and Django cache"

  cache_usage_limits {
    data_storage {
      minimum = var.data_storage_min_gb
      maximum = var.data_storage_max_gb
      unit    = "GB"
    }

    ecpu_per_second {
      maximum = var.ecpu_per_second_max
    }
  }

  kms_key_id               = aws_kms_key.this.arn
  security_group_ids       = [aws_security_group.this.id]
  subnet_ids               = var.subnet_ids
  snapshot_retention_limit = var.snapshot_retention_days
  daily_snapshot_time      = "05:00"

  tags = var.tags
}

resource "aws_ssm_parameter" "this" {
  name        = var.redis_url_parameter_name
  description = "${var.name} Redis URL read by the API at start-up"
  type        = "SecureString"
  key_id      = aws_kms_key.this.arn
  value       = "rediss://${aws_elasticache_serverless_cache.this.endpoint[0].address}:${aws_elasticache_serverless_cache.this.endpoint[0].port}/0"

  tags = var.tags
}
