locals {
  alarms = {
    api-5xx = {
      description = "The API returned server errors"
      namespace   = "AWS/ApiGateway"
      metric      = "5xx"
      dimensions  = { ApiId = var.api_id, Stage = "$default" }
      statistic   = "Sum"
      extended    = null
      threshold   = var.api_5xx_threshold
      periods     = 1
    }
    api-latency = {
      description = "API latency (p95) is high"
      namespace   = "AWS/ApiGateway"
      metric      = "Latency"
      dimensions  = { ApiId = var.api_id, Stage = "$default" }
      statistic   = null
      extended    = "p95"
      threshold   = var.api_latency_p95_threshold_ms
      periods     = 3
    }
    lambda-errors = {
      description = "The API function raised errors"
      namespace   = "AWS/Lambda"
      metric      = "Errors"
      dimensions  = { FunctionName = var.function_name }
      statistic   = "Sum"
      extended    = null
      threshold   = 5
      periods     = 1
    }
    lambda-throttles = {
      description = "The API function hit its reserved concurrency"
      namespace   = "AWS/Lambda"
      metric      = "Throttles"
      dimensions  = { FunctionName = var.function_name }
      statistic   = "Sum"
      extended    = null
      threshold   = 0
      periods     = 1
    }
    aurora-connections = {
      description = "Aurora has many open connections"
      namespace   = "AWS/RDS"
      metric      = "DatabaseConnections"
      dimensions  = { DBClusterIdentifier = var.db_cluster_id }
      statistic   = "Maximum"
      extended    = null
      threshold   = var.aurora_connections_threshold
      periods     = 2
    }
    aurora-cpu = {
      description = "Aurora CPU is high (it is near its ACU ceiling)"
      namespace   = "AWS/RDS"
      metric      = "CPUUtilization"
      dimensions  = { DBClusterIdentifier = var.db_cluster_id }
      statistic   = "Average"
      extended    = null
      threshold   = var.cpu_threshold_percent
      periods     = 3
    }
    # Serverless caches have no CPUUtilization: compute is metered in ECPUs, so "CPU" is ECPU use against the limit.
    redis-cpu = {
      description = "The cache uses more than 80% of its ECPU-per-second limit"
      namespace   = "AWS/ElastiCache"
      metric      = "ElastiCacheProcessingUnits"
      dimensions  = { clusterId = var.cache_name }
      statistic   = "Average"
      extended    = null
      threshold   = var.cache_ecpu_per_second_max * 60 * 0.8
      periods     = 3
    }
    redis-memory = {
      description = "The cache stores more than 80% of its data storage limit"
      namespace   = "AWS/ElastiCache"
      metric      = "BytesUsedForCache"
      dimensions  = { clusterId = var.cache_name }
      statistic   = "Maximum"
      extended    = null
      threshold   = local.cache_memory_threshold
      periods     = 2
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "this" {
  for_each = var.alarms_enabled ? local.alarms : {}

  alarm_name          = "${var.name}-${each.key}"
  alarm_description   = each.value.description
  namespace           = each.value.namespace
  metric_name         = each.value.metric
  dimensions          = each.value.dimensions
  statistic           = each.value.statistic
  extended_statistic  = each.value.extended
  period              = 300
  evaluation_periods  = each.value.periods
  threshold           = each.value.threshold
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.this.arn]
  ok_actions          = [aws_sns_topic.this.arn]

  tags = var.tags
}
