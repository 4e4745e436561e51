locals {
  approval_message = "Review the change (and for Terraform the plan in the Plan build's log) before it reaches ${var.environment}."
}

resource "aws_codepipeline" "terraform" {
  name           = "${var.name}-terraform"
  pipeline_type  = "V2"
  execution_mode = "QUEUED"
  role_arn       = aws_iam_role.codepipeline.arn

  artifact_store {
    type     = "S3"
    location = aws_s3_bucket.this.bucket

    encryption_key {
      type = "KMS"
      id   = aws_kms_key.this.arn
    }
  }

  # Runs on changes to the infrastructure code only.
  trigger {
    provider_type = "CodeStarSourceConnection"

    git_configuration {
      source_action_name = "Source"

      push {
        branches {
          includes = [var.branch]
        }

        file_paths {
          includes = local.builds.terraform.paths
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

  stage {
    name = "Plan"

    action {
      name             = "Plan"
      category         = "Build"
      owner            = "AWS"
      provider         = "CodeBuild"
      version          = "1"
      input_artifacts  = ["source"]
      output_artifacts = ["plan"]

      configuration = {
        ProjectName          = aws_codebuild_project.terraform.name
        EnvironmentVariables = jsonencode([{ name = "ACTION", value = "plan", type = "PLAINTEXT" }])
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

  stage {
    name = "Apply"

    action {
      name            = "Apply"
      category        = "Build"
      owner           = "AWS"
      provider        = "CodeBuild"
      version         = "1"
      input_artifacts = ["plan"]

      configuration = {
        ProjectName          = aws_codebuild_project.terraform.name
        EnvironmentVariables = jsonencode([{ name = "ACTION", value = "apply", type = "PLAINTEXT" }])
      }
    }
  }

  tags = var.tags
}

resource "aws_codepipeline" "backend" {
  name           = "${var.name}-backend"
  pipeline_type  = "V2"
  execution_mode = "SUPERSEDED"
  role_arn       = aws_iam_role.codepipeline.arn

  artifact_store {
    type     = "S3"
    location = aws_s3_bucket.this.bucket

    encryption_key {
      type = "KMS"
      id   = aws_kms_key.this.arn
    }
  }

  # Runs on changes to the API or its image only.
  trigger {
    provider_type = "CodeStarSourceConnection"

    git_configuration {
      source_action_name = "Source"

      push {
        branches {
          includes = [var.branch]
        }

        file_paths {
          includes = local.builds.backend.paths
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

  stage {
    name = "Deploy"

    action {
      name            = "Deploy"
      category        = "Build"
      owner           = "AWS"
      provider        = "CodeBuild"
      version         = "1"
      input_artifacts = ["source"]

      configuration = {
        ProjectName = aws_codebuild_project.backend.name
      }
    }
  }

  tags = var.tags
}

resource "aws_codepipeline" "frontend" {
  name           = "${var.name}-frontend"
  pipeline_type  = "V2"
  execution_mode = "SUPERSEDED"
  role_arn       = aws_iam_role.codepipeline.arn

  artifact_store {
    type     = "S3"
    location = aws_s3_bucket.this.bucket

    encryption_key {
      type = "KMS"
      id   = aws_kms_key.this.arn
    }
  }

  # Runs on changes to the SPA only.
  trigger {
    provider_type = "CodeStarSourceConnection"

    git_configuration {
      source_action_name = "Source"

      push {
        branches {
          includes = [var.branch]
        }

        file_paths {
          includes = local.builds.frontend.paths
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

  stage {
    name = "Deploy"

    action {
      name            = "Deploy"
      category        = "Build"
      owner           = "AWS"
      provider        = "CodeBuild"
      version         = "1"
      input_artifacts = ["source"]

      configuration = {
        ProjectName = aws_codebuild_project.frontend.name
      }
    }
  }

  tags = var.tags
}
