data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.name
  api_host   = trimprefix(aws_apigatewayv2_api.this.api_endpoint, "https://")
}

resource "aws_kms_key" "this" {
  description         = "${var.name} API: ECR images, Django secret key, Lambda environment"
  enable_key_rotation = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AccountAdministration"
      Effect    = "Allow"
      Principal = { AWS = "arn:${local.partition}:iam::${local.account_id}:root" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })

  tags = var.tags
}

resource "aws_ecr_repository" "this" {
  name                 = "${var.name}-api"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }

  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = aws_kms_key.this.arn
  }

  tags = var.tags
}

resource "aws_ecr_lifecycle_policy" "this" {
  repository = aws_ecr_repository.this.name
  policy = jsonencode({
    rules = [
      {
        rulePriority = 1
        description  = "Expire untagged images (failed or superseded pushes) after 7 days"
        selection = {
          tagStatus   = "untagged"
          countType   = "sinceImagePushed"
          countUnit   = "days"
          countNumber = 7
        }
        action = { type = "expire" }
      },
      {
        rulePriority = 2
        description  = "Keep the ${var.ecr_images_to_keep} most recent images for rollbacks"
        selection = {
          tagStatus   = "any"
          countType   = "imageCountMoreThan"
          countNumber = var.ecr_images_to_keep
        }
        action = { type = "expire" }
      },
    ]
  })
}

# The Django secret key. No value is stored by Terraform (it would land in the state): the first
# deployment puts one with `aws secretsmanager put-secret-value` (see docs/ARCHITECTURE.md).
resource "aws_secretsmanager_secret" "this" {
  #checkov:skip=CKV2_AWS_57:Rotating the Django secret key signs every user out; it is rotated by an operator on purpose, not on a schedule.
  name                    = "${var.name}/django-secret-key"
  description             = "${var.name} Django SECRET_KEY"
  kms_key_id              = aws_kms_key.this.arn
  recovery_window_in_days = 7

  tags = var.tags
}

resource "aws_lambda_function" "this" {
  #checkov:skip=CKV_AWS_116:API Gateway invokes the function synchronously and gets the error back; the only asynchronous caller is the warm-up schedule, whose failures need no replay.
  #checkov:skip=CKV_AWS_272:Lambda code signing does not apply to container images; the image is scanned on push to an immutable-tag ECR repository instead.
  function_name = var.function_name
  description   = "${var.name} Django API (Mangum)"
  role          = aws_iam_role.this.arn
  package_type  = "Image"
  image_uri     = "${aws_ecr_repository.this.repository_url}:${var.image_tag}"
  architectures = [var.architecture]
  memory_size   = var.memory_mb
  timeout       = var.timeout_seconds
  publish       = true
  kms_key_arn   = aws_kms_key.this.arn

  reserved_concurrent_executions = var.reserved_concurrency

  vpc_config {
    subnet_ids         = var.subnet_ids
    security_group_ids = var.security_group_ids
  }

  environment {
    variables = {
      DJANGO_SETTINGS_MODULE       = "config.settings.production"
      DJANGO_ALLOWED_HOSTS         = join(",", [local.api_host, var.site_domain])
      DJANGO_CSRF_TRUSTED_ORIGINS  = "https://${var.site_domain}"
      DJANGO_SECRET_KEY_SECRET_ARN = aws_secretsmanager_secret.this.arn
      DATABASE_SECRET_ARN          = var.database_secret_arn
      DATABASE_HOST                = var.database_host
      DATABASE_PORT                = tostring(var.database_port)
      DATABASE_NAME                = var.database_name
      REDIS_URL_PARAMETER          = var.redis_url_parameter_name
      API_BASE_PATH                = var.api_base_path
      LOG_LEVEL                    = var.log_level
      # CloudFront appends the viewer's address to X-Forwarded-For, API Gateway the edge's:
      # the viewer is second from the right (login throttling per client address).
      TRUSTED_PROXY_COUNT = "2"
    }
  }

  logging_config {
    log_format = "Text"
    log_group  = var.log_group_name
  }

  tracing_config {
    mode = "Active"
  }

  tags = var.tags

  # The backend pipeline deploys new images (update-function-code, publish-version, update-alias);
  # Terraform only creates the function with the first image and never reverts a deployed one.
  lifecycle {
    ignore_changes = [image_uri]
  }
}

# API Gateway and the warm-up schedule invoke this alias, which is what provisioned concurrency keeps warm.
# It follows the latest published version: the pipeline publishes one per image, and Terraform publishes
# one when it changes the configuration (environment, memory...), so such a change reaches traffic at once.
resource "aws_lambda_alias" "this" {
  name             = "live"
  description      = "Version serving traffic: the latest published one"
  function_name    = aws_lambda_function.this.function_name
  function_version = aws_lambda_function.this.version
}

resource "aws_lambda_provisioned_concurrency_config" "this" {
  count = var.provisioned_concurrency > 0 ? 1 : 0

  function_name                     = aws_lambda_function.this.function_name
  qualifier                         = aws_lambda_alias.this.name
  provisioned_concurrent_executions = var.provisioned_concurrency
}

resource "aws_cloudwatch_event_rule" "this" {
  count = var.warmup_enabled ? 1 : 0

  name                = "${var.name}-api-warmup"
  description         = "Keeps one ${var.function_name} execution environment warm"
  schedule_expression = "rate(5 minutes)"

  tags = var.tags
}

resource "aws_cloudwatch_event_target" "this" {
  count = var.warmup_enabled ? 1 : 0

  rule  = aws_cloudwatch_event_rule.this[0].name
  arn   = aws_lambda_alias.this.arn
  input = jsonencode({ source = "aws.events", "detail-type" = "Scheduled Event", warmup = true })
}

resource "aws_lambda_permission" "warmup" {
  count = var.warmup_enabled ? 1 : 0

  statement_id  = "AllowEventBridgeWarmup"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.this.function_name
  qualifier     = aws_lambda_alias.this.name
  principal     = "events.amazonaws.com"
  source_arn    = aws_cloudwatch_event_rule.this[0].arn
}
