locals {
  dashboard_widgets = [
    ["API requests and errors", [["AWS/ApiGateway", "Count", "ApiId", var.api_id, "Stage", "$default"], [".", "4xx", ".", ".", ".", "."], [".", "5xx", ".", ".", ".", "."]], "Sum"],
    ["API latency p95 (ms)", [["AWS/ApiGateway", "Latency", "ApiId", var.api_id, "Stage", "$default"], [".", "IntegrationLatency", ".", ".", ".", "."]], "p95"],
    ["Lambda invocations, errors, throttles", [["AWS/Lambda", "Invocations", "FunctionName", var.function_name], [".", "Errors", ".", "."], [".", "Throttles", ".", "."]], "Sum"],
    ["Lambda duration and concurrency", [["AWS/Lambda", "Duration", "FunctionName", var.function_name], [".", "ConcurrentExecutions", ".", "."]], "Maximum"],
    ["Aurora connections and capacity", [["AWS/RDS", "DatabaseConnections", "DBClusterIdentifier", var.db_cluster_id], [".", "ServerlessDatabaseCapacity", ".", "."]], "Maximum"],
    ["Aurora CPU %", [["AWS/RDS", "CPUUtilization", "DBClusterIdentifier", var.db_cluster_id]], "Average"],
    ["Cache ECPUs", [["AWS/ElastiCache", "ElastiCacheProcessingUnits", "clusterId", var.cache_name]], "Sum"],
    ["Cache bytes stored", [["AWS/ElastiCache", "BytesUsedForCache", "clusterId", var.cache_name]], "Maximum"],
  ]
}

resource "aws_cloudwatch_dashboard" "this" {
  count = var.dashboard_enabled ? 1 : 0

  dashboard_name = "${var.name}-overview"
  dashboard_body = jsonencode({
    widgets = [for i, w in local.dashboard_widgets : {
      type   = "metric"
      x      = (i % 2) * 12
      y      = floor(i / 2) * 6
      width  = 12
      height = 6
      properties = {
        title   = w[0]
        metrics = w[1]
        stat    = w[2]
        period  = 300
        region  = local.region
        view    = "timeSeries"
      }
    }]
  })
}

# The dashboard became optional.
moved {
  from = aws_cloudwatch_dashboard.this
  to   = aws_cloudwatch_dashboard.this[0]
}
