locals {
  approval_message = "Review the change (and for Terraform the plan in the Plan build's log) before it reaches ${var.environment}."

  # How the pipelines differ. Terraform plans first and, after any approval, applies that saved plan;
  # the backend and frontend deploy in a single build.
  pipelines = {
    terraform = { execution_mode = "QUEUED", plans = true, last_stage = "Apply" }
    backend   = { execution_mode = "SUPERSEDED", plans = false, last_stage = "Deploy" }
    frontend  = { execution_mode = "SUPERSEDED", plans = false, last_stage = "Deploy" }
  }
}

resource "aws_codepipeline" "this" {
  for_each = local.builds

  name           = "${var.name}-${each.key}"
  pipeline_type  = "V2"
  execution_mode = local.pipelines[each.key].execution_mode
  role_arn       = aws_iam_role.codepipeline.arn

  artifact_store {
    type     = "S3"
    location = aws_s3_bucket.this.bucket

    encryption_key {
      type = "KMS"
      id   = var.kms_key_arn
    }
  }

  # Each pipeline runs on changes to its own paths only (infrastructure code, the API or its image, the SPA).
  trigger {
    provider_type = "CodeStarSourceConnection"

    git_configuration {
      source_action_name = "Source"

      push {
        branches {
          includes = [var.branch]
        }

        file_paths {
          includes = each.value.paths
        }
      }
    }
  }

  stage {
    name = "Source"

    action {
      name             = "Source"
      category         = "Source"
      owner            = "AWS"
      provider         = "CodeStarSourceConnection"
      version          = "1"
      output_artifacts = ["source"]

      configuration = {
        ConnectionArn        = aws_codestarconnections_connection.this.arn
        FullRepositoryId     = var.repository_id
        BranchName           = var.branch
        OutputArtifactFormat = "CODE_ZIP"
      }
    }
  }

  dynamic "stage" {
    for_each = local.pipelines[each.key].plans ? ["Plan"] : []

    content {
      name = stage.value

      action {
        name             = "Plan"
        category         = "Build"
        owner            = "AWS"
        provider         = "CodeBuild"
        version          = "1"
        input_artifacts  = ["source"]
        output_artifacts = ["plan"]

        configuration = {
          ProjectName          = aws_codebuild_project.this[each.key].name
          EnvironmentVariables = jsonencode([{ name = "ACTION", value = "plan", type = "PLAINTEXT" }])
        }
      }
    }
  }

  dynamic "stage" {
    for_each = var.require_manual_approval ? ["Approve"] : []

    content {
      name = stage.value

      action {
        name     = "Approve"
        category = "Approval"
        owner    = "AWS"
        provider = "Manual"
        version  = "1"

        configuration = var.approval_topic_arn == null ? {
          CustomData = local.approval_message
          } : {
          CustomData      = local.approval_message
          NotificationArn = var.approval_topic_arn
        }
      }
    }
  }

  # Terraform applies on the plan build's output (the checkout with the saved plan), so what was approved is what runs.
  stage {
    name = local.pipelines[each.key].last_stage

    action {
      name            = local.pipelines[each.key].last_stage
      category        = "Build"
      owner           = "AWS"
      provider        = "CodeBuild"
      version         = "1"
      input_artifacts = [local.pipelines[each.key].plans ? "plan" : "source"]

      configuration = local.pipelines[each.key].plans ? {
        ProjectName          = aws_codebuild_project.this[each.key].name
        EnvironmentVariables = jsonencode([{ name = "ACTION", value = "apply", type = "PLAINTEXT" }])
        } : {
        ProjectName = aws_codebuild_project.this[each.key].name
      }
    }
  }

  tags = var.tags
}
