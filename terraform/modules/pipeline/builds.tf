locals {
  build_image = "aws/codebuild/amazonlinux2-x86_64-standard:5.0"
  build_variables = {
    # Names read by buildspec/deploy.mk (see docs/DEPLOY.md, "Pipeline settings").
    terraform = merge({ for k, v in var.terraform_variables : "TF_VAR_${k}" => v }, {
      ENVIRONMENT      = var.environment
      TF_STATE_BUCKET  = var.terraform_state_bucket
      TF_LOCK_TABLE    = var.terraform_lock_table
      TF_IN_AUTOMATION = "1"
    })
    backend = {
      ENVIRONMENT        = var.environment
      ECR_REPOSITORY_URL = var.ecr_repository_url
      LAMBDA_FUNCTION    = var.function_name
      SITE_URL           = var.site_url
    }
    frontend = {
      ENVIRONMENT     = var.environment
      SITE_BUCKET     = var.site_bucket_name
      DISTRIBUTION_ID = var.distribution_id
    }
  }
}

resource "aws_codebuild_project" "terraform" {
  name           = "${var.name}-terraform"
  description    = "fmt, validate, test and plan ${var.environment}; apply the reviewed plan"
  service_role   = aws_iam_role.codebuild["terraform"].arn
  encryption_key = aws_kms_key.this.arn
  build_timeout  = 60

  source {
    type      = "CODEPIPELINE"
    buildspec = local.builds.terraform.buildspec
  }

  artifacts {
    type = "CODEPIPELINE"
  }

  environment {
    compute_type = var.build_compute_type
    image        = local.build_image
    type         = "LINUX_CONTAINER"

    dynamic "environment_variable" {
      for_each = local.build_variables.terraform

      content {
        name  = environment_variable.key
        value = environment_variable.value
      }
    }
  }

  logs_config {
    cloudwatch_logs {
      group_name = aws_cloudwatch_log_group.this["terraform"].name
    }
  }

  tags = var.tags
}

resource "aws_codebuild_project" "backend" {
  name           = "${var.name}-backend"
  description    = "Test the API, build and push its image, update the function, migrate, smoke-test ${var.environment}"
  service_role   = aws_iam_role.codebuild["backend"].arn
  encryption_key = aws_kms_key.this.arn
  build_timeout  = 60

  source {
    type      = "CODEPIPELINE"
    buildspec = local.builds.backend.buildspec
  }

  artifacts {
    type = "CODEPIPELINE"
  }

  environment {
    #checkov:skip=CKV_AWS_316:Building the Lambda container image needs the Docker daemon, which only runs in privileged mode.
    compute_type    = var.build_compute_type
    image           = local.build_image
    type            = "LINUX_CONTAINER"
    privileged_mode = true

    dynamic "environment_variable" {
      for_each = local.build_variables.backend

      content {
        name  = environment_variable.key
        value = environment_variable.value
      }
    }
  }

  logs_config {
    cloudwatch_logs {
      group_name = aws_cloudwatch_log_group.this["backend"].name
    }
  }

  tags = var.tags
}

resource "aws_codebuild_project" "frontend" {
  name           = "${var.name}-frontend"
  description    = "Test and build the SPA, sync it to S3 and invalidate CloudFront for ${var.environment}"
  service_role   = aws_iam_role.codebuild["frontend"].arn
  encryption_key = aws_kms_key.this.arn
  build_timeout  = 30

  source {
    type      = "CODEPIPELINE"
    buildspec = local.builds.frontend.buildspec
  }

  artifacts {
    type = "CODEPIPELINE"
  }

  environment {
    compute_type = var.build_compute_type
    image        = local.build_image
    type         = "LINUX_CONTAINER"

    dynamic "environment_variable" {
      for_each = local.build_variables.frontend

      content {
        name  = environment_variable.key
        value = environment_variable.value
      }
    }
  }

  logs_config {
    cloudwatch_logs {
      group_name = aws_cloudwatch_log_group.this["frontend"].name
    }
  }

  tags = var.tags
}
