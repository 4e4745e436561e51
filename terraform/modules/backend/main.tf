data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.name
  api_host   = trimprefix(aws_apigatewayv2_api.this.api_endpoint, "https://")
  # A standby's repository is made by ECR replication (from the primary's creation template), not here.
  repository = {
    for attribute in ["name", "arn", "repository_url"] : attribute => var.standby ? one(data.aws_ecr_repository.replica[*][attribute]) : one(aws_ecr_repository.this[*][attribute])
  }
  repository_key = var.standby ? one(data.aws_ecr_repository.replica[*].encryption_configuration[0].kms_key) : one(aws_ecr_repository.this[*].encryption_configuration[0].kms_key)
  repository_url = local.repository.repository_url
  image_uri      = "${local.repository_url}:${var.image_tag}"

  # Lambda pulls the images of this account's functions only, in a given region (this one, and the
  # standby's for the repository ECR replication creates there).
  ecr_pull_policies = { for region in distinct(compact([local.region, var.replica_region])) : region => jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "LambdaPullsTheFunctionsImages"
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
      Condition = {
        StringLike = {
          "aws:sourceArn" = [
            "arn:${local.partition}:lambda:${region}:${local.account_id}:function:${var.function_name}",
            "arn:${local.partition}:lambda:${region}:${local.account_id}:function:${var.migrate_function_name}",
            "arn:${local.partition}:lambda:${region}:${local.account_id}:function:${var.name}-reminders",
            "arn:${local.partition}:lambda:${region}:${local.account_id}:function:${var.name}-push-relay",
          ]
        }
      }
    }]
  }) }

  ecr_lifecycle_policy = jsonencode({
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

  # Names of docs/CONTRACT_NOTES.md, shared by both functions.
  common_environment = {
    DJANGO_SETTINGS_MODULE       = "config.settings.production"
    DJANGO_ALLOWED_HOSTS         = join(",", [local.api_host, var.origin_domain_name, var.site_domain])
    DJANGO_CSRF_TRUSTED_ORIGINS  = "https://${var.site_domain}"
    DJANGO_SECRET_KEY_SECRET_ARN = local.django_secret_arn
    DATABASE_HOST                = var.database_host
    DATABASE_PORT                = tostring(var.database_port)
    DATABASE_NAME                = var.database_name
    DATABASE_SSLROOTCERT         = var.database_ca_bundle_path
    LOG_LEVEL                    = var.log_level
  }

  api_environment = merge(local.common_environment, {
    HABITS_FUNCTION = "api"
    # The application role, with a token from rds.generate_db_auth_token (signed locally, no call).
    DATABASE_USER                 = var.database_app_user
    DATABASE_IAM_AUTH             = "true"
    DATABASE_STATEMENT_TIMEOUT_MS = tostring(var.api_statement_timeout_ms)
    # Valkey with an IAM token: a SigV4-presigned "connect" request for this user and cache.
    REDIS_HOST       = var.cache_host
    REDIS_PORT       = tostring(var.cache_port)
    REDIS_IAM_USER   = var.cache_user_id
    REDIS_CACHE_NAME = var.cache_name
    # Only requests that came through CloudFront carry this header with the secret's current or
    # previous value; the viewer's address is in the header CloudFront sets.
    ORIGIN_SECRET_ARN     = local.origin_secret_arn
    ORIGIN_VERIFY_HEADER  = var.origin_verify_header_name
    CLIENT_ADDRESS_HEADER = var.client_address_header_name
    # Links in mail point at the site; mail leaves through SES's dual-stack endpoint (no NAT).
    SITE_URL                   = "https://${var.site_domain}"
    MAIL_TRANSPORT             = "ses"
    MAIL_FROM                  = var.mail_from
    MAIL_SES_CONFIGURATION_SET = var.mail_configuration_set_name
    API_BASE_PATH              = var.api_base_path
    }, {
    # Imports: the browser uploads to the bucket, and each job runs in an asynchronous invocation
    # of the live alias (the version serving the API). None of them without a bucket.
    for name, value in {
      IMPORT_BUCKET        = try(var.transfers.bucket_name, null)
      IMPORT_BUCKET_REGION = try(var.transfers.region, null)
      IMPORT_FUNCTION_NAME = "${var.function_name}:${local.live_alias_name}"
    } : name => value if var.transfers != null
  })

  migrate_environment = merge(local.common_environment, {
    HABITS_FUNCTION = "migrate"
    # Migrations connect as the master user and create (and grant) the application role.
    DATABASE_SECRET_ARN           = var.standby ? "" : var.database_secret_arn
    DATABASE_APP_USER             = var.database_app_user
    DATABASE_STATEMENT_TIMEOUT_MS = tostring(var.migrate_statement_timeout_ms)
    DATABASE_LOCK_TIMEOUT_MS      = tostring(var.migrate_lock_timeout_ms)
    MANAGE_COMMANDS               = join(",", var.manage_commands)
  })
}

resource "aws_ecr_repository" "this" {
  count = var.standby ? 0 : 1

  name                 = "${var.name}-api"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }

  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = var.kms_key_arn
  }

  tags = var.tags

  lifecycle {
    # A repository's encryption cannot change after creation (it would be replaced, with its images);
    # one created with an earlier key keeps it.
    ignore_changes = [encryption_configuration]
  }
}

resource "aws_ecr_repository_policy" "this" {
  count = var.standby ? 0 : 1

  repository = aws_ecr_repository.this[0].name
  policy     = local.ecr_pull_policies[local.region]
}

# The standby's repository, made by ECR replication with the primary's creation template (its key,
# immutable tags, the pull policy and the lifecycle below): it exists once the primary has pushed an
# image since replication was configured (docs/DEPLOY.md, step 9).
data "aws_ecr_repository" "replica" {
  count = var.standby ? 1 : 0

  name = "${var.name}-api"
}

# Every image pushed here is copied to the standby's repository of the same name (created there
# beforehand with its own key, policy and lifecycle): the standby's functions never pull across regions.
# One replication configuration per registry (account and region): one account per environment.
resource "aws_ecr_replication_configuration" "this" {
  count = var.replica_region == null ? 0 : 1

  replication_configuration {
    rule {
      destination {
        region      = var.replica_region
        registry_id = local.account_id
      }

      repository_filter {
        filter      = aws_ecr_repository.this[0].name
        filter_type = "PREFIX_MATCH"
      }
    }
  }
}

resource "aws_ecr_lifecycle_policy" "this" {
  count = var.standby ? 0 : 1

  repository = aws_ecr_repository.this[0].name
  policy     = local.ecr_lifecycle_policy
}

# Reserving concurrency needs an account quota of at least the reservation plus 100 (what Lambda keeps
# unreserved); a new account starts lower. Checked at plan time, only when a reservation is asked for.
data "aws_servicequotas_service_quota" "concurrency" {
  count = var.reserved_concurrency == null ? 0 : 1

  service_code = "lambda"
  quota_code   = "L-B99A9384"
}

resource "aws_lambda_function" "this" {
  #checkov:skip=CKV_AWS_116:API Gateway invokes the function synchronously and gets the error back; the only asynchronous caller is the optional warm-up schedule, whose failures need no replay.
  #checkov:skip=CKV_AWS_272:Lambda code signing does not apply to container images; the image is scanned on push to an immutable-tag ECR repository instead.
  #checkov:skip=CKV_AWS_50:No active X-Ray tracing: the functions have no NAT route to the X-Ray API and no X-Ray endpoint (each costs more than the rest of staging's network); CloudWatch logs and metrics cover them.
  #checkov:skip=CKV_AWS_115:Reserved concurrency is a variable, null by default because a new account's quota leaves none to reserve (docs/DEPLOY.md); API Gateway's stage throttle bounds the rate meanwhile.
  function_name = var.function_name
  description   = "${var.name} Django API (Mangum)"
  role          = aws_iam_role.api.arn
  package_type  = "Image"
  image_uri     = local.image_uri
  architectures = [var.architecture]
  memory_size   = var.memory_mb
  timeout       = var.timeout_seconds
  publish       = true
  kms_key_arn   = var.kms_key_arn

  reserved_concurrent_executions = var.reserved_concurrency == null ? -1 : var.reserved_concurrency

  vpc_config {
    subnet_ids                  = var.subnet_ids
    security_group_ids          = var.security_group_ids
    ipv6_allowed_for_dual_stack = true
  }

  environment {
    variables = local.api_environment
  }

  logging_config {
    log_format = "Text"
    log_group  = var.log_group_name
  }

  tracing_config {
    mode = "PassThrough"
  }

  tags = var.tags

  # The backend pipeline deploys new images (update-function-code, publish-version, update-alias);
  # Terraform only creates the function with the first image and never reverts a deployed one.
  lifecycle {
    ignore_changes = [image_uri]

    precondition {
      condition     = var.reserved_concurrency == null ? true : one(data.aws_servicequotas_service_quota.concurrency[*].value) >= var.reserved_concurrency + 100
      error_message = "reserved_concurrency needs the account's Lambda concurrency quota (L-B99A9384) to be at least the reservation plus 100; request an increase in Service Quotas first, or leave reserved_concurrency null."
    }
  }
}

# Migrations and the other allowed management commands run here, apart from the API: their own
# timeout, their own statement and lock limits, the master user's secret. Only the backend pipeline
# (and operators) invoke it; nothing routes HTTP to it.
resource "aws_lambda_function" "migrate" {
  #checkov:skip=CKV_AWS_116:Invoked synchronously by the pipeline, which reads the result; nothing invokes it asynchronously.
  #checkov:skip=CKV_AWS_272:Lambda code signing does not apply to container images; the image is scanned on push to an immutable-tag ECR repository instead.
  #checkov:skip=CKV_AWS_50:No active X-Ray tracing: the functions have no route to the X-Ray API (see the API function).
  #checkov:skip=CKV_AWS_115:Reserved concurrency would need quota a new account does not have; the pipeline runs one migration at a time (QUEUED/SUPERSEDED executions of one build).
  function_name = var.migrate_function_name
  description   = "${var.name} management commands (migrate) with the master user"
  role          = aws_iam_role.migrate.arn
  package_type  = "Image"
  image_uri     = local.image_uri
  architectures = [var.architecture]
  memory_size   = var.memory_mb
  timeout       = var.migrate_timeout_seconds
  publish       = false
  kms_key_arn   = var.kms_key_arn

  vpc_config {
    subnet_ids                  = var.subnet_ids
    security_group_ids          = var.security_group_ids
    ipv6_allowed_for_dual_stack = true
  }

  environment {
    variables = local.migrate_environment
  }

  logging_config {
    log_format = "Text"
    log_group  = var.migrate_log_group_name
  }

  tracing_config {
    mode = "PassThrough"
  }

  tags = var.tags

  lifecycle {
    ignore_changes = [image_uri]
  }
}

# API Gateway and the warm-up schedule invoke this alias, which is what provisioned concurrency keeps warm.
# It follows the latest published version: the pipeline publishes one per image (after the migrations
# succeeded), and Terraform publishes one when it changes the configuration, so such a change reaches
# traffic at once.
resource "aws_lambda_alias" "this" {
  name             = local.live_alias_name
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

# Keeps one execution environment warm where the database does not pause (a warm-up never touches
# the database, but an environment pausing at 0 ACUs gains nothing from it and pays for it).
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
