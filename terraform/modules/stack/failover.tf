# The failover switch. Route 53 answers the API origin's name with the primary while the primary's
# failover record is healthy; its health check follows this CloudWatch alarm, which lives in the DR
# region so that failing over needs nothing from the primary's region: Route 53 health checks and DNS
# answers are its data plane ("AWS Fault Isolation Boundaries", global services; "Configure custom
# health checks for DNS failover for an API Gateway API", which puts the alarm and its health check
# in the secondary region for that reason).
#
# Nothing publishes the metric. With missing data "not breaching" the alarm stays OK; an operator
# fails over with `python -m ops.dr open` (the same alarm, missing data "breaching": ALARM, unhealthy,
# standby) and back with `ops.dr close`. Terraform never flips it (ignore_changes), so no apply of
# either stack can move traffic; no endpoint health check either: the standby is a pilot light, and
# an automatic return to a primary whose database is older than the standby's would lose writes.
resource "aws_cloudwatch_metric_alarm" "failover_switch" {
  #checkov:skip=CKV2_AWS_71:Not a monitoring alarm: it is a switch an operator sets; Route 53 reads its state, nobody is notified by it.
  count    = local.standby_prepared ? 1 : 0
  provider = aws.dr

  alarm_name          = local.failover_switch
  alarm_description   = "${local.name} failover switch: ALARM sends ${local.origin_domain} to the standby in ${var.dr_region}. Flip only with python -m ops.dr open/close (docs/RUNBOOK_DR.md)."
  namespace           = "Habits/DisasterRecovery"
  metric_name         = "FailoverSwitch"
  dimensions          = { Stack = local.name }
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"

  tags = var.tags

  lifecycle {
    ignore_changes = [treat_missing_data]
  }
}

resource "aws_route53_health_check" "failover_switch" {
  count = local.standby_prepared ? 1 : 0

  type                            = "CLOUDWATCH_METRIC"
  cloudwatch_alarm_name           = aws_cloudwatch_metric_alarm.failover_switch[0].alarm_name
  cloudwatch_alarm_region         = var.dr_region
  insufficient_data_health_status = "LastKnownStatus"

  tags = merge(var.tags, { Name = "${local.global_name}-failover-switch" })
}
