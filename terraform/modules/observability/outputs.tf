output "lambda_log_group_name" {
  description = "Name of the API function's log group."
  value       = aws_cloudwatch_log_group.lambda.name
}

output "lambda_log_group_arn" {
  description = "ARN of the API function's log group."
  value       = aws_cloudwatch_log_group.lambda.arn
}

output "api_access_log_group_arn" {
  description = "ARN of the API Gateway access log group."
  value       = aws_cloudwatch_log_group.api_access.arn
}

output "alarm_topic_arn" {
  description = "ARN of the SNS topic every alarm notifies."
  value       = aws_sns_topic.this.arn
}

output "alarm_names" {
  description = "Names of the CloudWatch alarms."
  value       = [for a in aws_cloudwatch_metric_alarm.this : a.alarm_name]
}

output "dashboard_name" {
  description = "Name of the CloudWatch dashboard; null without one."
  value       = one(aws_cloudwatch_dashboard.this[*].dashboard_name)
}

output "migrate_log_group_name" {
  description = "Name of the migration function's log group."
  value       = aws_cloudwatch_log_group.migrate.name
}

output "migrate_log_group_arn" {
  description = "ARN of the migration function's log group."
  value       = aws_cloudwatch_log_group.migrate.arn
}

output "log_group_names" {
  description = "Names of the log groups this module creates (their KMS key's policy must name them)."
  value       = [local.lambda_log_group_name, local.migrate_log_group_name, local.api_access_log_group]
}

output "log_retention_days" {
  description = "Days the API's log groups keep their logs."
  value       = var.log_retention_days
}
