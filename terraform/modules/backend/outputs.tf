output "ecr_repository_name" {
  description = "Name of the ECR repository for the API image."
  value       = local.repository.name
}

output "ecr_repository_url" {
  description = "URL of the ECR repository (docker push target)."
  value       = local.repository_url
}

output "ecr_repository_arn" {
  description = "ARN of the ECR repository."
  value       = local.repository.arn
}

output "function_name" {
  description = "Name of the API Lambda function."
  value       = aws_lambda_function.this.function_name
}

output "function_arn" {
  description = "ARN of the API Lambda function (unqualified)."
  value       = aws_lambda_function.this.arn
}

output "migrate_function_name" {
  description = "Name of the migration Lambda function."
  value       = aws_lambda_function.migrate.function_name
}

output "migrate_function_arn" {
  description = "ARN of the migration Lambda function."
  value       = aws_lambda_function.migrate.arn
}

output "alias_name" {
  description = "Alias that serves traffic; the pipeline moves it to each new version once the migrations succeeded."
  value       = aws_lambda_alias.this.name
}

output "alias_arn" {
  description = "ARN of the live alias."
  value       = aws_lambda_alias.this.arn
}

output "role_arns" {
  description = "ARNs of the functions' execution roles, as { api, migrate }."
  value       = { api = aws_iam_role.api.arn, migrate = aws_iam_role.migrate.arn }
}

output "api_id" {
  description = "ID of the HTTP API (CloudWatch dimension ApiId)."
  value       = aws_apigatewayv2_api.this.id
}

output "api_endpoint" {
  description = "Invoke URL of the HTTP API's $default stage."
  value       = aws_apigatewayv2_api.this.api_endpoint
}

output "api_domain_name" {
  description = "Host name of the HTTP API, the CloudFront origin for the API paths."
  value       = local.api_host
}

output "django_secret_key_secret_arn" {
  description = "ARN of the Secrets Manager secret to fill with the Django secret key on first deployment (a standby's: the primary's replica)."
  value       = local.django_secret_arn
}

output "origin_secret_arn" {
  description = "ARN of the secret holding the origin header's current and previous values (a standby's: the primary's replica)."
  value       = local.origin_secret_arn
}

output "origin_verify_header" {
  description = "The header CloudFront must add to API requests, as { name, value } (value: the secret's current one); null for a standby, which has no distribution."
  value = var.standby ? null : {
    name  = var.origin_verify_header_name
    value = jsondecode(data.aws_secretsmanager_secret_version.origin[0].secret_string).current
  }
  sensitive = true
}

output "origin_verify_header_name" {
  description = "Name of the header CloudFront adds with the origin secret."
  value       = var.origin_verify_header_name
}

output "kms_key_arn" {
  description = "KMS key of the image repository as configured (a repository created earlier keeps its own key)."
  value       = var.kms_key_arn
}

output "api_environment" {
  description = "Environment variables of the API function."
  value       = local.api_environment
}

output "migrate_environment" {
  description = "Environment variables of the migration function."
  value       = local.migrate_environment
}

output "replication" {
  description = "What this module copies to the standby region, as { region, secrets (their replica regions), ecr_destinations }; region null without a standby."
  value = {
    region           = var.replica_region
    secrets          = { for k, s in { django = aws_secretsmanager_secret.this, origin = aws_secretsmanager_secret.origin } : k => flatten([for i in s : [for r in i.replica : { region = r.region, kms_key_id = r.kms_key_id }]]) }
    ecr_destinations = flatten([for c in aws_ecr_replication_configuration.this : [for r in c.replication_configuration[0].rule : [for d in r.destination : d.region]]])
  }
}

output "readable_secret_arns" {
  description = "The only Secrets Manager secrets each function's role can read, as { api, migrate, reminders }."
  value       = { api = local.api_secret_arns, migrate = local.migrate_secret_arns, reminders = local.api_secret_arns }
}

output "role_policies" {
  description = "The functions' inline policies (decoded), as { api, migrate, reminders }."
  value       = { api = local.api_policy, migrate = local.migrate_policy, reminders = local.reminders_policy }
}

output "function_limits" {
  description = "Timeouts of the two functions in seconds, as { api, migrate }."
  value       = { api = aws_lambda_function.this.timeout, migrate = aws_lambda_function.migrate.timeout }
}

output "database_environment" {
  description = "Where the functions find the database: DATABASE_HOST and the master secret (the migration function's DATABASE_SECRET_ARN)."
  value = {
    host       = local.common_environment.DATABASE_HOST
    secret_arn = local.migrate_environment.DATABASE_SECRET_ARN
  }
}

output "ecr_kms_key_arn" {
  description = "KMS key the image repository is actually encrypted with (pushes and Lambda's grants need it)."
  value       = local.repository_key
}

output "origin_record" {
  description = "This region's failover record of the API origin, as { name, role, set_identifier, health_check_id }."
  value = {
    name            = aws_route53_record.origin.name
    role            = var.failover_role
    set_identifier  = aws_route53_record.origin.set_identifier
    health_check_id = aws_route53_record.origin.health_check_id
  }
}

output "role_names" {
  description = "Names of the functions' execution roles (account-wide), as { api, migrate }."
  value       = { api = aws_iam_role.api.name, migrate = aws_iam_role.migrate.name }
}

output "ecr_replica_settings" {
  description = "What the repository ECR replication creates in replica_region must have, as { name, pull_policy, lifecycle_policy } (the primary's creation template there); null without a replica region."
  value = var.replica_region == null ? null : {
    name             = one(aws_ecr_repository.this[*].name)
    pull_policy      = local.ecr_pull_policies[var.replica_region]
    lifecycle_policy = local.ecr_lifecycle_policy
  }
}

output "reminders" {
  description = "The reminder path: sender and relay functions, the schedule and its state."
  value = {
    sender_function = aws_lambda_function.reminders.function_name
    relay_function  = aws_lambda_function.push_relay.function_name
    schedule        = aws_scheduler_schedule.reminders.name
    schedule_state  = aws_scheduler_schedule.reminders.state
  }
}
