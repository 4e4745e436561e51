output "ecr_repository_name" {
  description = "Name of the ECR repository for the API image."
  value       = aws_ecr_repository.this.name
}

output "ecr_repository_url" {
  description = "URL of the ECR repository (docker push target)."
  value       = aws_ecr_repository.this.repository_url
}

output "ecr_repository_arn" {
  description = "ARN of the ECR repository."
  value       = aws_ecr_repository.this.arn
}

output "function_name" {
  description = "Name of the API Lambda function."
  value       = aws_lambda_function.this.function_name
}

output "function_arn" {
  description = "ARN of the API Lambda function (unqualified)."
  value       = aws_lambda_function.this.arn
}

output "alias_name" {
  description = "Alias that serves traffic; the pipeline moves it to each new version."
  value       = aws_lambda_alias.this.name
}

output "alias_arn" {
  description = "ARN of the live alias."
  value       = aws_lambda_alias.this.arn
}

output "role_arn" {
  description = "ARN of the function's execution role."
  value       = aws_iam_role.this.arn
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
  description = "ARN of the Secrets Manager secret to fill with the Django secret key on first deployment."
  value       = aws_secretsmanager_secret.this.arn
}

output "kms_key_arn" {
  description = "KMS key of the ECR repository, the Django secret and the function's environment."
  value       = aws_kms_key.this.arn
}

output "readable_secret_arns" {
  description = "The only Secrets Manager secrets the function's role can read (database and Django secret key)."
  value       = local.readable_secret_arns
}

output "database_environment" {
  description = "Where the function finds the database: its DATABASE_HOST and DATABASE_SECRET_ARN."
  value = {
    host       = aws_lambda_function.this.environment[0].variables["DATABASE_HOST"]
    secret_arn = aws_lambda_function.this.environment[0].variables["DATABASE_SECRET_ARN"]
  }
}
