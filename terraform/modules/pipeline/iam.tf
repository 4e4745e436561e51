locals {
  # The AWS managed policies this configuration attaches; anything else (AdministratorAccess...) is refused.
  attachable_managed_policies = [
    "PowerUserAccess",
    "AWSXRayDaemonWriteAccess",
    "job-function/ViewOnlyAccess",
    "service-role/AWSLambdaVPCAccessExecutionRole",
    "service-role/AmazonRDSEnhancedMonitoringRole",
    "service-role/AWSBackupServiceRolePolicyForBackup",
    "service-role/AWSBackupServiceRolePolicyForRestores",
  ]

  state_bucket_arn = "arn:${local.partition}:s3:::${var.terraform_state_bucket}"
  lock_table_arn   = "arn:${local.partition}:dynamodb:${local.region}:${local.account_id}:table/${var.terraform_lock_table}"

  artifact_statements = [
    {
      Sid      = "PipelineArtifacts"
      Effect   = "Allow"
      Action   = ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"]
      Resource = ["${aws_s3_bucket.this.arn}/*"]
    },
    {
      Sid      = "PipelineArtifactsKey"
      Effect   = "Allow"
      Action   = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"]
      Resource = [aws_kms_key.this.arn]
    },
  ]

  build_log_statements = {
    for k, g in aws_cloudwatch_log_group.this : k => {
      Sid      = "OwnBuildLogs"
      Effect   = "Allow"
      Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
      Resource = ["${g.arn}:*"]
    }
  }

  build_statements = {
    # Terraform manages the whole environment. Everything but IAM comes from PowerUserAccess; IAM is
    # limited to this environment's own roles and policies (all named after var.name).
    terraform = [
      {
        Sid      = "TerraformState"
        Effect   = "Allow"
        Action   = ["s3:ListBucket", "s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
        Resource = [local.state_bucket_arn, "${local.state_bucket_arn}/*"]
      },
      {
        Sid      = "TerraformLock"
        Effect   = "Allow"
        Action   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:DescribeTable"]
        Resource = [local.lock_table_arn]
      },
      {
        Sid    = "OwnRolesAndPolicies"
        Effect = "Allow"
        Action = [
          "iam:GetRole", "iam:CreateRole", "iam:DeleteRole", "iam:UpdateRole", "iam:UpdateAssumeRolePolicy",
          "iam:TagRole", "iam:UntagRole", "iam:ListRoleTags", "iam:PassRole",
          "iam:GetRolePolicy", "iam:PutRolePolicy", "iam:DeleteRolePolicy", "iam:ListRolePolicies",
          "iam:DetachRolePolicy", "iam:ListAttachedRolePolicies", "iam:ListInstanceProfilesForRole",
        ]
        Resource = ["arn:${local.partition}:iam::${local.account_id}:role/${var.name}-*"]
      },
      {
        Sid      = "AttachOnlyTheManagedPoliciesInUse"
        Effect   = "Allow"
        Action   = ["iam:AttachRolePolicy"]
        Resource = ["arn:${local.partition}:iam::${local.account_id}:role/${var.name}-*"]
        Condition = {
          ArnEquals = { "iam:PolicyARN" = [for p in local.attachable_managed_policies : "arn:${local.partition}:iam::aws:policy/${p}"] }
        }
      },
      {
        Sid      = "ServiceLinkedRoles"
        Effect   = "Allow"
        Action   = ["iam:CreateServiceLinkedRole"]
        Resource = ["arn:${local.partition}:iam::${local.account_id}:role/aws-service-role/*"]
      },
      {
        Sid      = "ReadManagedPolicies"
        Effect   = "Allow"
        Action   = ["iam:GetPolicy", "iam:GetPolicyVersion"]
        Resource = ["arn:${local.partition}:iam::aws:policy/*"]
      },
    ]

    backend = [
      {
        Sid      = "EcrLogin"
        Effect   = "Allow"
        Action   = ["ecr:GetAuthorizationToken"]
        Resource = ["*"]
      },
      {
        Sid    = "PushToOwnRepository"
        Effect = "Allow"
        Action = [
          "ecr:DescribeImages", "ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer",
          "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage",
        ]
        Resource = [var.ecr_repository_arn]
      },
      {
        Sid      = "EncryptImageLayers"
        Effect   = "Allow"
        Action   = ["kms:Decrypt", "kms:GenerateDataKey"]
        Resource = [var.ecr_kms_key_arn]
      },
      {
        Sid    = "DeployOwnFunction"
        Effect = "Allow"
        Action = [
          "lambda:GetFunction", "lambda:GetFunctionConfiguration", "lambda:UpdateFunctionCode", "lambda:InvokeFunction",
          "lambda:PublishVersion", "lambda:GetAlias", "lambda:UpdateAlias",
        ]
        Resource = [var.function_arn, "${var.function_arn}:*"]
      },
    ]

    frontend = [
      {
        Sid      = "ListSiteBucket"
        Effect   = "Allow"
        Action   = ["s3:ListBucket"]
        Resource = [var.site_bucket_arn]
      },
      {
        Sid      = "SyncSiteObjects"
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
        Resource = ["${var.site_bucket_arn}/*"]
      },
      {
        Sid      = "EncryptSiteObjects"
        Effect   = "Allow"
        Action   = ["kms:Decrypt", "kms:GenerateDataKey"]
        Resource = [var.site_kms_key_arn]
      },
      {
        Sid      = "InvalidateOwnDistribution"
        Effect   = "Allow"
        Action   = ["cloudfront:CreateInvalidation", "cloudfront:GetInvalidation"]
        Resource = [var.distribution_arn]
      },
    ]
  }
}

resource "aws_iam_role" "codebuild" {
  for_each = local.builds

  name        = "${var.name}-codebuild-${each.key}"
  description = "CodeBuild project ${var.name}-${each.key}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "codebuild.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = {
        StringEquals = { "aws:SourceAccount" = local.account_id }
      }
    }]
  })

  tags = var.tags
}

resource "aws_iam_role_policy" "codebuild" {
  for_each = local.builds

  name = "build-${each.key}"
  role = aws_iam_role.codebuild[each.key].id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = concat(local.artifact_statements, [local.build_log_statements[each.key]], local.build_statements[each.key])
  })
}

# PowerUserAccess: everything the environment needs except IAM (limited above to its own roles).
resource "aws_iam_role_policy_attachment" "this" {
  role       = aws_iam_role.codebuild["terraform"].name
  policy_arn = "arn:${local.partition}:iam::aws:policy/PowerUserAccess"
}

resource "aws_iam_role" "codepipeline" {
  name        = "${var.name}-codepipeline"
  description = "The ${var.name} pipelines: read the source connection, run their builds, pass artifacts"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "codepipeline.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = {
        StringEquals = { "aws:SourceAccount" = local.account_id }
      }
    }]
  })

  tags = var.tags
}

resource "aws_iam_role_policy" "codepipeline" {
  name = "run-pipelines"
  role = aws_iam_role.codepipeline.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = concat(local.artifact_statements, [
      {
        Sid      = "ListArtifactBucket"
        Effect   = "Allow"
        Action   = ["s3:GetBucketVersioning", "s3:GetBucketLocation"]
        Resource = [aws_s3_bucket.this.arn]
      },
      {
        Sid      = "UseSourceConnection"
        Effect   = "Allow"
        Action   = ["codestar-connections:UseConnection"]
        Resource = [aws_codestarconnections_connection.this.arn]
      },
      {
        Sid      = "RunOwnBuilds"
        Effect   = "Allow"
        Action   = ["codebuild:StartBuild", "codebuild:BatchGetBuilds"]
        Resource = [for k in ["terraform", "backend", "frontend"] : aws_codebuild_project.this[k].arn]
      },
      ], var.approval_topic_arn == null ? [] : [{
        Sid      = "NotifyApprovers"
        Effect   = "Allow"
        Action   = ["sns:Publish"]
        Resource = [var.approval_topic_arn]
    }])
  })
}
