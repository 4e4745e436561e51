locals {
  # The AWS managed policies this configuration attaches; anything else (AdministratorAccess...) is refused.
  attachable_managed_policies = [
    "PowerUserAccess",
    "job-function/ViewOnlyAccess",
    "service-role/AWSLambdaVPCAccessExecutionRole",
    "service-role/AmazonRDSEnhancedMonitoringRole",
    "service-role/AWSBackupServiceRolePolicyForBackup",
    "service-role/AWSBackupServiceRolePolicyForRestores",
  ]

  state_bucket_arn = "arn:${local.partition}:s3:::${var.terraform_state_bucket}"
  # The state and, beside it, S3's native lock file (<key>.tflock).
  state_object_arns = ["${local.state_bucket_arn}/${var.terraform_state_key}", "${local.state_bucket_arn}/${var.terraform_state_key}.tflock"]

  role_arn_prefix = "arn:${local.partition}:iam::${local.account_id}:role/${var.global_name}-"
  # The pipeline's own roles: an administrator creates and changes them, never the pipeline.
  pipeline_role_arns = concat([for k in keys(local.builds) : "${local.role_arn_prefix}codebuild-${k}"], ["${local.role_arn_prefix}codepipeline"])

  # The source connection under both service prefixes: the ARN a connection has depends on when and
  # how it was created, and an IAM policy must name it with its own prefix.
  source_connection_statement = {
    Sid    = "UseSourceConnection"
    Effect = "Allow"
    Action = ["codestar-connections:UseConnection", "codeconnections:UseConnection"]
    Resource = distinct([
      aws_codestarconnections_connection.this.arn,
      replace(aws_codestarconnections_connection.this.arn, ":codestar-connections:", ":codeconnections:"),
      replace(aws_codestarconnections_connection.this.arn, ":codeconnections:", ":codestar-connections:"),
    ])
  }

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
      Resource = [var.kms_key_arn]
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
        Sid      = "TerraformStateAndLockFile"
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
        Resource = local.state_object_arns
      },
      {
        Sid      = "TerraformStateBucket"
        Effect   = "Allow"
        Action   = ["s3:ListBucket"]
        Resource = [local.state_bucket_arn]
      },
      {
        # Every role the pipeline creates or changes carries the permissions boundary, which denies IAM
        # changes: no role it makes can do more than the pipeline itself without IAM.
        Sid    = "CreateAndChangeRolesOnlyWithinTheBoundary"
        Effect = "Allow"
        Action = [
          "iam:CreateRole", "iam:PutRolePolicy", "iam:DeleteRolePolicy", "iam:DetachRolePolicy", "iam:PutRolePermissionsBoundary",
        ]
        Resource = ["${local.role_arn_prefix}*"]
        Condition = {
          StringEquals = { "iam:PermissionsBoundary" = var.permissions_boundary_arn }
        }
      },
      {
        Sid      = "AttachOnlyTheManagedPoliciesInUseWithinTheBoundary"
        Effect   = "Allow"
        Action   = ["iam:AttachRolePolicy"]
        Resource = ["${local.role_arn_prefix}*"]
        Condition = {
          ArnEquals    = { "iam:PolicyARN" = [for p in local.attachable_managed_policies : "arn:${local.partition}:iam::aws:policy/${p}"] }
          StringEquals = { "iam:PermissionsBoundary" = var.permissions_boundary_arn }
        }
      },
      {
        Sid    = "ManageOwnRoles"
        Effect = "Allow"
        Action = [
          "iam:GetRole", "iam:DeleteRole", "iam:UpdateRole", "iam:UpdateRoleDescription", "iam:UpdateAssumeRolePolicy",
          "iam:TagRole", "iam:UntagRole", "iam:ListRoleTags", "iam:GetRolePolicy", "iam:ListRolePolicies",
          "iam:ListAttachedRolePolicies", "iam:ListInstanceProfilesForRole",
        ]
        Resource = ["${local.role_arn_prefix}*"]
      },
      {
        Sid      = "PassOwnRolesToTheirServices"
        Effect   = "Allow"
        Action   = ["iam:PassRole"]
        Resource = ["${local.role_arn_prefix}*"]
        Condition = {
          StringEquals = { "iam:PassedToService" = var.passable_to_services }
        }
      },
      {
        Sid      = "ServiceLinkedRoles"
        Effect   = "Allow"
        Action   = ["iam:CreateServiceLinkedRole"]
        Resource = ["arn:${local.partition}:iam::${local.account_id}:role/aws-service-role/*"]
      },
      {
        Sid      = "ReadPolicies"
        Effect   = "Allow"
        Action   = ["iam:GetPolicy", "iam:GetPolicyVersion", "iam:ListPolicyVersions", "iam:ListEntitiesForPolicy"]
        Resource = ["arn:${local.partition}:iam::aws:policy/*", var.permissions_boundary_arn]
      },
      {
        Sid      = "NeverRemoveABoundary"
        Effect   = "Deny"
        Action   = ["iam:DeleteRolePermissionsBoundary", "iam:DeleteUserPermissionsBoundary"]
        Resource = ["*"]
      },
      {
        Sid    = "NeverChangeTheBoundary"
        Effect = "Deny"
        Action = [
          "iam:CreatePolicyVersion", "iam:DeletePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:DeletePolicy",
          "iam:TagPolicy", "iam:UntagPolicy",
        ]
        Resource = [var.permissions_boundary_arn]
      },
      {
        Sid    = "NeverChangeThePipelinesOwnRoles"
        Effect = "Deny"
        Action = [
          "iam:PutRolePolicy", "iam:DeleteRolePolicy", "iam:AttachRolePolicy", "iam:DetachRolePolicy",
          "iam:UpdateAssumeRolePolicy", "iam:PutRolePermissionsBoundary", "iam:DeleteRole", "iam:UpdateRole",
          "iam:TagRole", "iam:UntagRole",
        ]
        Resource = local.pipeline_role_arns
      },
      {
        # Environments belong in accounts of their own; where one account holds two, this keeps the
        # pipeline off every resource tagged with the other environment.
        Sid      = "OnlyThisEnvironmentsTaggedResources"
        Effect   = "Deny"
        Action   = ["*"]
        Resource = ["*"]
        Condition = {
          Null            = { "aws:ResourceTag/Environment" = "false" }
          StringNotEquals = { "aws:ResourceTag/Environment" = var.environment }
        }
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
        # Lambda checks (and, when it lacks its pull permission, adds to) the repository policy with the
        # caller's permissions when a function's image changes.
        Sid      = "OwnRepositoryPolicyForLambda"
        Effect   = "Allow"
        Action   = ["ecr:GetRepositoryPolicy", "ecr:SetRepositoryPolicy"]
        Resource = [var.ecr_repository_arn]
      },
      {
        Sid      = "EncryptImageLayers"
        Effect   = "Allow"
        Action   = ["kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"]
        Resource = [var.ecr_kms_key_arn]
      },
      {
        # A function whose image is encrypted with a customer managed key gets a grant on it when its
        # code changes, created with the caller's permissions.
        Sid      = "LetLambdaUseTheImageKey"
        Effect   = "Allow"
        Action   = ["kms:CreateGrant"]
        Resource = [var.ecr_kms_key_arn]
        Condition = {
          Bool = { "kms:GrantIsForAWSResource" = "true" }
        }
      },
      {
        Sid    = "DeployBothFunctions"
        Effect = "Allow"
        Action = [
          "lambda:GetFunction", "lambda:GetFunctionConfiguration", "lambda:UpdateFunctionCode", "lambda:PublishVersion",
        ]
        Resource = [var.function_arn, "${var.function_arn}:*", var.migrate_function_arn, "${var.migrate_function_arn}:*"]
      },
      {
        Sid      = "MoveTheApiAlias"
        Effect   = "Allow"
        Action   = ["lambda:GetAlias", "lambda:UpdateAlias"]
        Resource = ["${var.function_arn}:*"]
      },
      {
        # Management commands run in the migration function only; the API function is not invoked.
        Sid      = "RunMigrations"
        Effect   = "Allow"
        Action   = ["lambda:InvokeFunction"]
        Resource = [var.migrate_function_arn, "${var.migrate_function_arn}:*"]
      },
    ]

    # Only a stack with a site (not a standby) has the frontend pipeline and its bucket.
    frontend = !contains(var.pipelines, "frontend") ? [] : [
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

  name        = "${var.global_name}-codebuild-${each.key}"
  description = "CodeBuild project ${var.name}-${each.key}"
  # The terraform build changes IAM (within the boundary it imposes); the others need no IAM at all.
  permissions_boundary = each.key == "terraform" ? null : var.permissions_boundary_arn
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

# PowerUserAccess: everything the environment needs except IAM (limited above to its own roles, within
# the boundary).
resource "aws_iam_role_policy_attachment" "this" {
  role       = aws_iam_role.codebuild["terraform"].name
  policy_arn = "arn:${local.partition}:iam::aws:policy/PowerUserAccess"
}

resource "aws_iam_role" "codepipeline" {
  name                 = "${var.global_name}-codepipeline"
  permissions_boundary = var.permissions_boundary_arn
  description          = "The ${var.name} pipelines: read the source connection, run their builds, pass artifacts"
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
      local.source_connection_statement,
      {
        Sid      = "RunOwnBuilds"
        Effect   = "Allow"
        Action   = ["codebuild:StartBuild", "codebuild:BatchGetBuilds"]
        Resource = [for p in aws_codebuild_project.this : p.arn]
      },
      ], var.approval_topic_arn == null ? [] : [{
        Sid      = "NotifyApprovers"
        Effect   = "Allow"
        Action   = ["sns:Publish"]
        Resource = [var.approval_topic_arn]
    }])
  })
}
