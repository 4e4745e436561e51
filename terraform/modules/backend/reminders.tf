# Reminders (docs/ARCHITECTURE.md, "Reminders"): EventBridge Scheduler wakes a sender once a minute.
# The sender runs in the VPC (it reads the database) and first asks the cache whether anything is due,
# so a paused staging database stays paused while nothing is. Push services are on the public internet
# and the VPC has no NAT: the sender encrypts and signs each Web Push message itself and hands the
# ready request to a relay function outside the VPC, over Lambda's dual-stack endpoint (IPv6 through
# the egress-only gateway). The relay holds no credentials and no data: one encrypted message at a
# time, to a known push service's host. Mail reminders leave through SES's dual-stack endpoint, as
# every other mail does.
#
# The Web Push (VAPID) key pair is derived from the Django secret key (HKDF, its own label) by the
# application, so it needs no secret of its own (and no replica in the standby's region): the API
# function hands browsers the public half, the sender signs with the private half. Rotating the Django
# key rotates it; browsers then subscribe again on their next visit (docs/DEPLOY.md).

locals {
  reminders_function_name  = "${var.name}-reminders"
  push_relay_function_name = "${var.name}-push-relay"

  reminders_environment = merge(local.api_environment, {
    HABITS_FUNCTION     = "reminders"
    VAPID_SUBJECT       = var.vapid_subject != "" ? var.vapid_subject : "mailto:${var.mail_from_address}"
    PUSH_RELAY_FUNCTION = aws_lambda_function.push_relay.function_name
    # The relay is reached over IPv6 (no NAT): boto3 uses lambda.<region>.api.aws.
    AWS_USE_DUALSTACK_ENDPOINT = "true"
  })

  reminders_policy = {
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ReadOwnSecrets"
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
        Resource = local.api_secret_arns
      },
      local.decrypt_secrets_statement,
      {
        Sid      = "ConnectToTheDatabaseAsTheApplicationRole"
        Effect   = "Allow"
        Action   = ["rds-db:connect"]
        Resource = [local.database_user_arn]
      },
      {
        Sid      = "ConnectToTheCacheAsTheApplicationUser"
        Effect   = "Allow"
        Action   = ["elasticache:Connect"]
        Resource = [var.cache_arn, var.cache_user_arn]
      },
      {
        Sid      = "SendMailRemindersAsTheSite"
        Effect   = "Allow"
        Action   = ["ses:SendEmail"]
        Resource = [var.mail_identity_arn, var.mail_configuration_set_arn]
        Condition = {
          StringEquals = { "ses:FromAddress" = var.mail_from_address }
        }
      },
      {
        Sid      = "HandPushMessagesToTheRelay"
        Effect   = "Allow"
        Action   = ["lambda:InvokeFunction"]
        Resource = [aws_lambda_function.push_relay.arn]
      },
      {
        Sid      = "WriteOwnLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = ["${aws_cloudwatch_log_group.reminders.arn}:*"]
      },
    ]
  }
}

resource "aws_cloudwatch_log_group" "reminders" {
  #checkov:skip=CKV_AWS_338:Retention is a per-environment variable (a year in production); staging keeps less on purpose.
  name              = "/aws/lambda/${local.reminders_function_name}"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.kms_key_arn

  tags = var.tags
}

resource "aws_cloudwatch_log_group" "push_relay" {
  #checkov:skip=CKV_AWS_338:Retention is a per-environment variable (a year in production); staging keeps less on purpose.
  name              = "/aws/lambda/${local.push_relay_function_name}"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.kms_key_arn

  tags = var.tags
}

resource "aws_iam_role" "reminders" {
  name                 = "${var.global_name}-reminders-lambda"
  description          = "Execution role of the ${local.reminders_function_name} function"
  permissions_boundary = var.permissions_boundary_arn
  assume_role_policy   = local.lambda_trust_policy

  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "reminders_vpc_access" {
  role       = aws_iam_role.reminders.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"
}

resource "aws_iam_role_policy" "reminders" {
  name   = "send-reminders"
  role   = aws_iam_role.reminders.id
  policy = jsonencode(local.reminders_policy)
}

# The relay may write its own logs and nothing else.
resource "aws_iam_role" "push_relay" {
  name                 = "${var.global_name}-push-relay-lambda"
  description          = "Execution role of the ${local.push_relay_function_name} function (logs only)"
  permissions_boundary = var.permissions_boundary_arn
  assume_role_policy   = local.lambda_trust_policy

  tags = var.tags
}

resource "aws_iam_role_policy" "push_relay" {
  name = "write-own-logs"
  role = aws_iam_role.push_relay.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "WriteOwnLogs"
      Effect   = "Allow"
      Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
      Resource = ["${aws_cloudwatch_log_group.push_relay.arn}:*"]
    }]
  })
}

resource "aws_lambda_function" "reminders" {
  #checkov:skip=CKV_AWS_116:EventBridge Scheduler invokes it every minute; a failed run needs no replay, the next minute sends what is still due (each reminder at most once a day, claimed in the database).
  #checkov:skip=CKV_AWS_272:Lambda code signing does not apply to container images; the image is scanned on push to an immutable-tag ECR repository instead.
  #checkov:skip=CKV_AWS_50:No active X-Ray tracing: the functions have no route to the X-Ray API (see the API function).
  #checkov:skip=CKV_AWS_115:Reserved concurrency would need quota a new account does not have; overlapping runs are safe (deliveries are claimed by a unique row) and the schedule fires once a minute.
  function_name = local.reminders_function_name
  description   = "${var.name} reminder sender (Web Push and mail), woken by EventBridge Scheduler"
  role          = aws_iam_role.reminders.arn
  package_type  = "Image"
  image_uri     = local.image_uri
  architectures = [var.architecture]
  memory_size   = var.reminders_memory_mb
  timeout       = 50
  publish       = false
  kms_key_arn   = var.kms_key_arn

  vpc_config {
    subnet_ids                  = var.subnet_ids
    security_group_ids          = var.security_group_ids
    ipv6_allowed_for_dual_stack = true
  }

  environment {
    variables = local.reminders_environment
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.reminders.name
  }

  tracing_config {
    mode = "PassThrough"
  }

  tags = var.tags

  lifecycle {
    ignore_changes = [image_uri]
  }
}

resource "aws_lambda_function" "push_relay" {
  #checkov:skip=CKV_AWS_116:Invoked synchronously by the sender, which reads the push service's status (404/410 remove the subscription).
  #checkov:skip=CKV_AWS_272:Lambda code signing does not apply to container images; the image is scanned on push to an immutable-tag ECR repository instead.
  #checkov:skip=CKV_AWS_50:No active X-Ray tracing, as for the other functions.
  #checkov:skip=CKV_AWS_115:Reserved concurrency would need quota a new account does not have; only the sender invokes it.
  #checkov:skip=CKV_AWS_117:Outside the VPC on purpose: it must reach the public push services and the VPC has no NAT. It has no credentials beyond its logs, no environment secrets, and sends one already-encrypted message to an allow-listed push host.
  function_name = local.push_relay_function_name
  description   = "${var.name} Web Push relay: posts one encrypted message to a push service"
  role          = aws_iam_role.push_relay.arn
  package_type  = "Image"
  image_uri     = local.image_uri
  architectures = [var.architecture]
  memory_size   = 256
  timeout       = 15
  publish       = false
  kms_key_arn   = var.kms_key_arn

  image_config {
    command = ["push_relay.handler"]
  }

  environment {
    variables = { LOG_LEVEL = var.log_level }
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.push_relay.name
  }

  tracing_config {
    mode = "PassThrough"
  }

  tags = var.tags

  lifecycle {
    ignore_changes = [image_uri]
  }
}

resource "aws_iam_role" "scheduler" {
  name                 = "${var.global_name}-reminders-scheduler"
  description          = "Lets EventBridge Scheduler wake the ${local.reminders_function_name} function"
  permissions_boundary = var.permissions_boundary_arn
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "scheduler.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = {
        StringEquals = { "aws:SourceAccount" = local.account_id }
      }
    }]
  })

  tags = var.tags
}

resource "aws_iam_role_policy" "scheduler" {
  name = "wake-the-reminder-sender"
  role = aws_iam_role.scheduler.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "InvokeTheSender"
      Effect   = "Allow"
      Action   = ["lambda:InvokeFunction"]
      Resource = [aws_lambda_function.reminders.arn]
    }]
  })
}

resource "aws_scheduler_schedule" "reminders" {
  name        = "${var.name}-reminders"
  description = "Wakes the reminder sender once a minute"
  state       = var.reminders_enabled && !var.standby ? "ENABLED" : "DISABLED"

  schedule_expression          = "rate(1 minute)"
  schedule_expression_timezone = "UTC"
  kms_key_arn                  = var.kms_key_arn

  flexible_time_window {
    mode = "OFF"
  }

  target {
    arn      = aws_lambda_function.reminders.arn
    role_arn = aws_iam_role.scheduler.arn
    input    = jsonencode({ reminders = "send" })

    # A run that fails is not retried: the next minute's run sends whatever is still due.
    retry_policy {
      maximum_retry_attempts       = 0
      maximum_event_age_in_seconds = 60
    }
  }
}
