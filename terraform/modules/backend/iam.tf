resource "aws_iam_role" "this" {
  name        = "${var.name}-api-lambda"
  description = "Execution role of the ${var.function_name} function"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })

  tags = var.tags
}

# Network interfaces in the VPC (and nothing else of note: the function's own log permissions are below).
resource "aws_iam_role_policy_attachment" "vpc_access" {
  role       = aws_iam_role.this.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"
}

resource "aws_iam_role_policy_attachment" "xray" {
  role       = aws_iam_role.this.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/AWSXRayDaemonWriteAccess"
}

# Exactly the two secrets and the one parameter the settings read, and the keys only through those services.
locals {
  readable_secret_arns = [var.database_secret_arn, aws_secretsmanager_secret.this.arn]
}

resource "aws_iam_role_policy" "this" {
  name = "read-own-configuration"
  role = aws_iam_role.this.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ReadOwnSecrets"
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
        Resource = local.readable_secret_arns
      },
      {
        Sid      = "ReadRedisUrlParameter"
        Effect   = "Allow"
        Action   = ["ssm:GetParameter"]
        Resource = [var.redis_url_parameter_arn]
      },
      {
        Sid      = "DecryptThroughSecretsManagerAndSsm"
        Effect   = "Allow"
        Action   = ["kms:Decrypt"]
        Resource = distinct(concat(var.decrypt_kms_key_arns, [aws_kms_key.this.arn]))
        Condition = {
          StringEquals = {
            "kms:ViaService" = ["secretsmanager.${local.region}.amazonaws.com", "ssm.${local.region}.amazonaws.com"]
          }
        }
      },
      {
        Sid      = "WriteOwnLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = ["${var.log_group_arn}:*"]
      },
    ]
  })
}
