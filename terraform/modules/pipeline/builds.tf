locals {
  build_image = "aws/codebuild/amazonlinux2-x86_64-standard:5.0"
  build_variables = {
    # Names read by buildspec/deploy.mk (see docs/DEPLOY.md, "Pipeline settings").
    terraform = merge({ for k, v in var.terraform_variables : "TF_VAR_${k}" => v }, {
      ENVIRONMENT      = coalesce(var.environment_directory, var.environment)
      TF_STATE_BUCKET  = var.terraform_state_bucket
      TF_STATE_KEY     = var.terraform_state_key
      TF_IN_AUTOMATION = "1"
    })
    backend = {
      ENVIRONMENT        = var.environment
      ECR_REPOSITORY_URL = var.ecr_repository_url
      LAMBDA_FUNCTION    = var.function_name
      MIGRATE_FUNCTION   = var.migrate_function_name
      SITE_URL           = var.site_url
    }
    frontend = {
      ENVIRONMENT     = var.environment
      SITE_BUCKET     = var.site_bucket_name
      DISTRIBUTION_ID = var.distribution_id
    }
  }

  # How the projects differ besides their variables: only the backend build runs Docker (the Lambda image).
  build_projects = {
    terraform = { description = "fmt, validate, test and plan ${var.environment}; apply the reviewed plan", timeout = 60, privileged = false }
    backend   = { description = "Test the API, build and push its image, migrate, then move the live alias, smoke-test ${var.environment}", timeout = 60, privileged = true }
    frontend  = { description = "Test and build the SPA, sync it to S3 and invalidate CloudFront for ${var.environment}", timeout = 30, privileged = false }
  }
}

resource "aws_codebuild_project" "this" {
  for_each = local.builds

  name           = "${var.name}-${each.key}"
  description    = local.build_projects[each.key].description
  service_role   = aws_iam_role.codebuild[each.key].arn
  encryption_key = var.kms_key_arn
  build_timeout  = local.build_projects[each.key].timeout

  source {
    type      = "CODEPIPELINE"
    buildspec = each.value.buildspec
  }

  artifacts {
    type = "CODEPIPELINE"
  }

  environment {
    #checkov:skip=CKV_AWS_316:Building the Lambda container image needs the Docker daemon, which only runs in privileged mode; only the backend project is privileged (tests/pipeline.tftest.hcl asserts it).
    compute_type    = var.build_compute_type
    image           = local.build_image
    type            = "LINUX_CONTAINER"
    privileged_mode = local.build_projects[each.key].privileged

    dynamic "environment_variable" {
      for_each = local.build_variables[each.key]

      content {
        name  = environment_variable.key
        value = environment_variable.value
      }
    }
  }

  logs_config {
    cloudwatch_logs {
      group_name = aws_cloudwatch_log_group.this[each.key].name
    }
  }

  tags = var.tags
}
